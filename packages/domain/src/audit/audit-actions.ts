/**
 * Every action the audit log can hold (R14). The API writes only these; an API test scans its source for
 * `action:` literals and fails on one missing here, and the texts below must cover each in fi and en.
 */
export const AUDIT_ACTIONS = [
  "access.denied",
  "api_token.create",
  "api_token.revoke",
  "audit.export",
  "audit.verify",
  "auth.locale_change",
  "auth.lockout",
  "auth.password_change",
  "auth.password_set",
  "auth.second_factor",
  "auth.session_end",
  "auth.sign_in",
  "auth.sign_out",
  "auth.totp_enrolled",
  "auth.totp_enrolment_begin",
  "auth.totp_rewrap",
  "backup.create",
  "backup.restore",
  "disclosure.approve",
  "disclosure.close",
  "disclosure.create",
  "disclosure.demo_seed",
  "disclosure.expire",
  "disclosure.export_create",
  "disclosure.export_download",
  "disclosure.export_link_create",
  "disclosure.revoke",
  "erasure_journal.replay",
  "export_package.erase",
  "grant.approve",
  "grant.create",
  "grant.refuse",
  "grant.request",
  "grant.revoke",
  "legal_hold.place",
  "legal_hold.release",
  "organisation.create",
  "organisation.update",
  "password_link.approve",
  "password_link.refuse",
  "password_link.request",
  "playlist.add_recordings",
  "playlist.assign",
  "playlist.create",
  "playlist.delete",
  "playlist.publish",
  "playlist.set_items",
  "playlist.unassign",
  "playlist.unpublish",
  "playlist.update",
  "progress.complete",
  "quality.calibration_create",
  "quality.calibration_read",
  "quality.calibration_submit",
  "quality.coaching_start",
  "quality.demo_seed",
  "quality.dispute_raise",
  "quality.dispute_resolve",
  "quality.evaluation_acknowledge",
  "quality.evaluation_create",
  "quality.evaluation_read",
  "quality.form_create",
  "quality.form_publish",
  "quality.form_retire",
  "quality.form_save_draft",
  "quality.moment_acknowledge",
  "quality.moment_create",
  "quality.moment_reply",
  "quality.purge",
  "quality.report_read",
  "quality.sampling_rule_set",
  "quality.settings_update",
  "recording.erase",
  "recording.import",
  "recording.ingest",
  "recording.listen",
  "recording.purge",
  "recording.read",
  "register.record_of_processing_export",
  "retention.update_policy",
  "staff.purge",
  "storage.reconcile",
  "storage.rewrap",
  "storage.scrub",
  "system.seed_demo",
  "unit.create",
  "unit.update",
  "user.create",
  "user.deactivate",
  "user.end_sessions",
  "user.reactivate",
  "user.reset_password",
  "user.unlock",
  "user.update",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/** The part before the first dot groups actions in the filter ("auth", "recording"…). */
export type AuditActionArea = AuditAction extends `${infer Area}.${string}` ? Area : never;
export const auditActionArea = (action: AuditAction): AuditActionArea =>
  action.slice(0, action.indexOf(".")) as AuditActionArea;
export const AUDIT_ACTION_AREAS: readonly AuditActionArea[] = [
  ...new Set(AUDIT_ACTIONS.map(auditActionArea)),
];

/** Targets a person can pick by name in the audit filter. */
export const AUDIT_NAMED_TARGET_TYPES = [
  "user",
  "unit",
  "recording",
  "playlist",
  "disclosure",
  "organisation",
  "api_token",
] as const;
export type AuditNamedTargetType = (typeof AUDIT_NAMED_TARGET_TYPES)[number];

/**
 * What the API resolved an id in an audit row to, in one query per page. "removed": the row is gone or
 * deleted (a purged recording, a deleted playlist); the sentence then says so instead of showing an id.
 */
export type AuditRef =
  | { kind: "person"; name: string; username: string }
  | { kind: "unit"; name: string; code: string }
  | { kind: "recording"; staffName: string; callStartedAt: string }
  | { kind: "named"; name: string }
  | { kind: "removed" };

/** The names behind one audit row: who, about whom or what, and what its details point to. */
export interface AuditRefs {
  actor: AuditRef | null;
  target: AuditRef | null;
  /** details.unitId (a grant's unit, a playlist's unit); null with a unitId present means "all units". */
  unit: AuditRef | null;
  playlist: AuditRef | null;
  recording: AuditRef | null;
}
