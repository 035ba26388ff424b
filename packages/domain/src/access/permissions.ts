/**
 * Every action in Kuulo as a `resource.action` string. A procedure or route declares exactly one of
 * these; `can()` denies any string that is not listed here.
 */
export const PERMISSIONS = [
  // own account — every signed-in person
  "self.read",
  "self.update",
  // administration (maintenance rights, R10)
  "user.read",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.unlock",
  "user.reset_password",
  "user.end_sessions",
  "grant.read",
  "grant.create",
  "grant.revoke",
  /** Second person's approval of a right that lets someone listen (R10: separation of duties). */
  "grant.approve",
  "unit.read",
  "unit.create",
  "unit.update",
  "organisation.read",
  "organisation.create",
  "organisation.update",
  "api_token.read",
  "api_token.create",
  "api_token.revoke",
  "audit.read",
  "audit.verify",
  "audit.export",
  "stats.read",
  // recordings (browsing rights, R10)
  "recording.read",
  "recording.listen",
  "recording.ingest",
  "recording.import",
  "recording.erase",
  // training (R2)
  "playlist.read",
  "playlist.create",
  "playlist.update",
  "playlist.delete",
  "playlist.publish",
  "playlist.assign",
  /** Titles and item counts only, so a training disclosure can name a playlist; never its items or audio. */
  "playlist.list_titles",
  "progress.read",
  "progress.update",
  // disclosures, hold, retention (R6, R13)
  "disclosure.read",
  "disclosure.create",
  "disclosure.approve",
  "disclosure.revoke",
  "disclosure.export",
  "legal_hold.place",
  "legal_hold.release",
  "retention.read",
  "retention.update",
  "retention.run",
  // quality review and coaching (off unless the installation turns it on; its data category is declared then)
  "quality.configure",
  "quality_form.read",
  "quality_form.manage",
  "evaluation.read",
  "evaluation.create",
  "evaluation.respond",
  "evaluation.dispute",
  "evaluation.resolve",
  "evaluation.calibrate",
  "evaluation.report",
  "evaluation.sample",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);

/** Marks a procedure that needs no session (sign-in, the public privacy notice). Declared, never implied. */
export const PUBLIC = "public" as const;
export type ProcedureAccess = Permission | typeof PUBLIC;
