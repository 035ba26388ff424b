import type { AuditTexts } from "./audit-texts.js";

export const AUDIT_TEXTS_EN: AuditTexts = {
  actions: {
    "access.denied": {
      label: "Access refused",
      sentence: "{{actor}} was refused access to {{target}}",
      notDone: "{{actor}} was refused access to {{target}}",
    },
    "api_token.create": {
      label: "API token created",
      sentence: "{{actor}} created the API token {{target}}",
    },
    "api_token.revoke": {
      label: "API token revoked",
      sentence: "{{actor}} revoked the API token {{target}}",
    },
    "audit.export": {
      label: "Audit log exported",
      sentence: "{{actor}} exported the audit log to a file (events: {{count}})",
    },
    "audit.verify": { label: "Audit chain verified", sentence: "{{actor}} verified the audit chain" },
    "auth.locale_change": { label: "Language changed", sentence: "{{actor}} changed their language" },
    "auth.lockout": {
      label: "Account locked",
      sentence: "{{target}} was locked after repeated failed sign-ins",
      notDone: "Sign-ins as {{target}} were locked after repeated failures ({{actor}})",
    },
    "auth.password_change": {
      label: "Password changed",
      sentence: "{{actor}} changed their password",
      notDone: "{{actor}} tried to change their password, but the current password was wrong",
    },
    "auth.password_set": {
      label: "Password set with a link",
      sentence: "{{target}} set a password with a one-time link",
    },
    "auth.second_factor": {
      label: "Two-step verification",
      sentence: "{{actor}} passed two-step verification",
      notDone: "{{actor}} failed two-step verification",
    },
    "auth.session_end": { label: "Session ended", sentence: "{{actor}} ended one of their sessions" },
    "auth.sign_in": {
      label: "Sign-in",
      sentence: "{{actor}} signed in",
      notDone: "{{actor}} could not sign in",
    },
    "auth.sign_out": { label: "Sign-out", sentence: "{{actor}} signed out" },
    "auth.totp_enrolled": {
      label: "Authenticator app added",
      sentence: "{{actor}} added an authenticator app for two-step verification",
    },
    "auth.totp_enrolment_begin": {
      label: "Authenticator app set-up started",
      sentence: "{{actor}} started adding an authenticator app",
    },
    "auth.totp_rewrap": {
      label: "Two-step keys re-encrypted",
      sentence: "{{actor}} re-encrypted the two-step verification secrets with the current key",
    },
    "backup.create": { label: "Backup made", sentence: "{{actor}} made a backup" },
    "backup.restore": { label: "Backup restored", sentence: "{{actor}} restored a backup" },
    "disclosure.approve": {
      label: "Disclosure approved",
      sentence: "{{actor}} approved the disclosure to {{target}}",
    },
    "disclosure.close": {
      label: "Disclosure closed",
      sentence: "{{actor}} closed the disclosure to {{target}}",
    },
    "disclosure.demo_seed": {
      label: "Demo disclosure added",
      sentence: "{{actor}} added the demo disclosure to {{target}}",
    },
    "disclosure.create": {
      label: "Disclosure prepared",
      sentence: "{{actor}} prepared a disclosure to {{target}}",
    },
    "disclosure.expire": {
      label: "Disclosure ended",
      sentence: "The disclosure to {{target}} ended when its time window closed",
    },
    "disclosure.export_create": {
      label: "Disclosure package made",
      sentence: "{{actor}} made the package for the disclosure to {{target}}",
    },
    "disclosure.export_download": {
      label: "Disclosure package downloaded",
      sentence: "{{actor}} downloaded the package of the disclosure to {{target}}",
    },
    "disclosure.export_link_create": {
      label: "Download link made",
      sentence: "{{actor}} made a download link for the disclosure to {{target}}",
    },
    "disclosure.revoke": {
      label: "Disclosure revoked",
      sentence: "{{actor}} revoked the disclosure to {{target}}",
    },
    "erasure_journal.replay": {
      label: "Erasures replayed after restore",
      sentence: "{{actor}} replayed the erasures made since the restored backup",
    },
    "export_package.erase": {
      label: "Disclosure package erased",
      sentence: "{{actor}} erased the package of the disclosure to {{target}}",
    },
    "grant.approve": {
      label: "Role approved",
      sentence: "{{actor}} approved giving {{target}} {{role}} {{unitIn}}",
    },
    "grant.create": { label: "Role given", sentence: "{{actor}} gave {{target}} {{role}} {{unitIn}}" },
    "grant.refuse": {
      label: "Role refused",
      sentence: "{{actor}} refused to give {{target}} {{role}} {{unitIn}}",
    },
    "grant.request": {
      label: "Role requested",
      sentence: "{{actor}} asked to give {{target}} {{role}} {{unitIn}}; a second person must approve",
    },
    "grant.revoke": {
      label: "Role removed",
      sentence: "{{actor}} removed {{role}} {{unitIn}} from {{target}}",
    },
    "legal_hold.place": {
      label: "Legal hold placed",
      sentence: "{{actor}} placed a legal hold on {{target}}",
    },
    "legal_hold.release": {
      label: "Legal hold released",
      sentence: "{{actor}} released the legal hold on {{target}}",
    },
    "organisation.create": {
      label: "Organisation added",
      sentence: "{{actor}} added the organisation {{target}}",
    },
    "organisation.update": {
      label: "Organisation changed",
      sentence: "{{actor}} changed the organisation {{target}}",
    },
    "password_link.approve": {
      label: "Password link approved",
      sentence: "{{actor}} approved a one-time password link for {{target}}",
    },
    "password_link.refuse": {
      label: "Password link refused",
      sentence: "{{actor}} refused a one-time password link for {{target}}",
    },
    "password_link.request": {
      label: "Password link requested",
      sentence: "{{actor}} asked for a one-time password link for {{target}}; a second person must approve",
    },
    "playlist.assign": { label: "Playlist assigned", sentence: "{{actor}} assigned the playlist {{target}}" },
    "playlist.add_recordings": {
      label: "Calls added to a playlist",
      sentence: "{{actor}} added calls to the playlist {{target}}",
    },
    "playlist.create": { label: "Playlist created", sentence: "{{actor}} created the playlist {{target}}" },
    "playlist.delete": { label: "Playlist deleted", sentence: "{{actor}} deleted the playlist {{target}}" },
    "playlist.publish": {
      label: "Playlist published",
      sentence: "{{actor}} published the playlist {{target}}",
    },
    "playlist.set_items": {
      label: "Playlist calls changed",
      sentence: "{{actor}} changed the calls in the playlist {{target}}",
    },
    "playlist.unassign": {
      label: "Playlist assignment removed",
      sentence: "{{actor}} removed an assignment of the playlist {{target}}",
    },
    "playlist.unpublish": {
      label: "Playlist withdrawn",
      sentence: "{{actor}} withdrew the playlist {{target}}",
    },
    "playlist.update": { label: "Playlist changed", sentence: "{{actor}} changed the playlist {{target}}" },
    "progress.complete": {
      label: "Call listened to the end",
      sentence: "{{actor}} listened to {{recording}} in the playlist {{playlist}}",
    },
    "quality.calibration_create": {
      label: "Calibration started",
      sentence: "{{actor}} started a calibration on {{recording}}",
    },
    "quality.calibration_read": {
      label: "Calibration viewed",
      sentence: "{{actor}} viewed the results of a calibration",
    },
    "quality.calibration_submit": {
      label: "Calibration evaluation submitted",
      sentence: "{{actor}} submitted a calibration evaluation of {{recording}}",
    },
    "quality.coaching_start": {
      label: "Coaching started",
      sentence:
        "{{actor}} started coaching on a weak criterion of an evaluation with the playlist {{target}}",
    },
    "quality.demo_seed": {
      label: "Demo evaluations added",
      sentence: "{{actor}} added demo evaluations",
    },
    "quality.dispute_raise": {
      label: "Evaluation disputed",
      sentence: "{{actor}} disputed an evaluation of {{recording}}",
    },
    "quality.dispute_resolve": {
      label: "Dispute resolved",
      sentence: "{{actor}} resolved a dispute on an evaluation of {{recording}}",
    },
    "quality.evaluation_acknowledge": {
      label: "Evaluation acknowledged",
      sentence: "{{actor}} acknowledged an evaluation of {{recording}}",
    },
    "quality.evaluation_create": {
      label: "Call evaluated",
      sentence: "{{actor}} evaluated {{recording}}",
    },
    "quality.evaluation_read": {
      label: "Evaluation viewed",
      sentence: "{{actor}} viewed an evaluation of {{recording}}",
    },
    "quality.form_create": {
      label: "Evaluation form created",
      sentence: "{{actor}} created an evaluation form",
    },
    "quality.form_publish": {
      label: "Evaluation form published",
      sentence: "{{actor}} published a version of an evaluation form",
    },
    "quality.form_retire": {
      label: "Evaluation form retired",
      sentence: "{{actor}} retired a version of an evaluation form",
    },
    "quality.form_save_draft": {
      label: "Evaluation form draft saved",
      sentence: "{{actor}} saved a draft of an evaluation form",
    },
    "quality.moment_acknowledge": {
      label: "Feedback acknowledged",
      sentence: "{{actor}} acknowledged feedback on {{recording}}",
    },
    "quality.moment_create": {
      label: "Feedback given",
      sentence: "{{actor}} gave feedback on a moment of {{recording}}",
    },
    "quality.moment_reply": {
      label: "Feedback answered",
      sentence: "{{actor}} answered feedback on {{recording}}",
    },
    "quality.purge": {
      label: "Old quality data removed",
      sentence: "{{actor}} removed quality data whose retention period had ended",
    },
    "quality.report_read": {
      label: "Quality report viewed",
      sentence: "{{actor}} viewed the quality report of {{target}}",
    },
    "quality.sampling_rule_set": {
      label: "Sampling rule set",
      sentence: "{{actor}} set how many calls to evaluate per person in {{target}}",
    },
    "quality.settings_update": {
      label: "Quality settings changed",
      sentence: "{{actor}} {{switched}} quality review (feedback and evaluations kept {{days}} days)",
    },
    "recording.erase": {
      label: "Recording erased on request",
      sentence: "{{actor}} erased a recording on request ({{target}})",
    },
    "recording.import": { label: "Recording imported", sentence: "{{actor}} imported {{target}}" },
    "recording.ingest": { label: "Recording received", sentence: "{{actor}} delivered {{target}}" },
    "recording.listen": { label: "Recording listened to", sentence: "{{actor}} listened to {{target}}" },
    "recording.purge": {
      label: "Recording removed under retention",
      sentence: "{{actor}} removed a recording whose retention period had ended ({{target}})",
    },
    "recording.read": { label: "Recordings viewed", sentence: "{{actor}} viewed {{target}}" },
    "register.record_of_processing_export": {
      label: "Record of processing printed",
      sentence: "{{actor}} exported the record of processing activities",
    },
    "retention.update_policy": {
      label: "Retention periods changed",
      sentence: "{{actor}} changed the retention periods",
    },
    "staff.purge": {
      label: "Staff without calls removed",
      sentence: "{{actor}} removed staff members who no longer had any calls",
    },
    "storage.reconcile": {
      label: "Storage reconciled",
      sentence: "{{actor}} compared the stored audio files with the database",
    },
    "storage.rewrap": {
      label: "Audio keys re-encrypted",
      sentence: "{{actor}} re-encrypted the audio keys with the current key",
    },
    "storage.scrub": {
      label: "Stored audio checked",
      sentence: "{{actor}} checked the stored audio files for damage",
    },
    "system.seed_demo": { label: "Demo data added", sentence: "{{actor}} added the demo data" },
    "unit.create": { label: "Unit added", sentence: "{{actor}} added the unit {{target}}" },
    "unit.update": { label: "Unit changed", sentence: "{{actor}} changed the unit {{target}}" },
    "user.create": { label: "User added", sentence: "{{actor}} added the user {{target}}" },
    "user.deactivate": { label: "User deactivated", sentence: "{{actor}} deactivated {{target}}" },
    "user.end_sessions": {
      label: "User's sessions ended",
      sentence: "{{actor}} ended all sessions of {{target}}",
    },
    "user.reactivate": { label: "User reactivated", sentence: "{{actor}} reactivated {{target}}" },
    "user.reset_password": {
      label: "Password reset",
      sentence: "{{actor}} reset the password of {{target}}",
    },
    "user.unlock": { label: "User unlocked", sentence: "{{actor}} unlocked {{target}}" },
    "user.update": { label: "User changed", sentence: "{{actor}} changed the details of {{target}}" },
  },
  areas: {
    access: "Refusals",
    api_token: "API tokens",
    audit: "Audit log",
    auth: "Sign-in and account",
    backup: "Backups",
    disclosure: "Disclosures",
    erasure_journal: "Backups",
    export_package: "Disclosures",
    grant: "Roles",
    legal_hold: "Legal holds",
    organisation: "Organisations",
    password_link: "Password links",
    playlist: "Playlists",
    progress: "Training progress",
    quality: "Quality evaluation",
    recording: "Recordings",
    register: "Register",
    retention: "Retention",
    staff: "Staff",
    storage: "Storage",
    system: "System",
    unit: "Units",
    user: "Users",
  },
  notDone: "{{sentence}} (not done)",
  unknownAction: "{{actor}}: an event of an earlier version ({{action}})",
  actors: {
    system: "Kuulo (automatic)",
    machine: "The recording system",
    anonymous: "Someone not signed in",
    anonymousAs: "Someone signing in as “{{name}}”",
    unknown: "A removed user",
  },
  recording: "{{name}}’s call of {{time}}",
  unitIn: "in {{unit}}",
  allUnits: "in all units",
  roles: {
    administrator: "the administrator role",
    privacy_officer: "the privacy officer role",
    trainer: "the trainer role",
    quality_reviewer: "the quality reviewer role",
    employee: "the employee role",
    external_trainer: "the external trainer role",
  },
  someRole: "a role",
  switched: { on: "turned on", off: "turned off" },
  targetTypes: {
    disclosure: "the data subject (access request)",
    recording_search: "the list of recordings",
    recording_count: "the number of recordings",
    staff_member_list: "the list of staff members",
    audit: "the audit log",
    register: "the register settings",
    retention_policy: "the retention periods",
    route: "the recording delivery interface",
    quality: "quality data",
  },
  removed: {
    recording: "a recording since removed",
    user: "a removed user",
    playlist: "a deleted playlist",
    disclosure: "a removed disclosure",
    unit: "a removed unit",
    staff_member: "a removed staff member",
    other: "something since removed",
  },
  outcomes: { success: "Success", failure: "Failure", denied: "Refused" },
  csv: {
    seq: "No.",
    occurredAt: "Time (UTC)",
    time: "Time",
    actor: "Who",
    event: "Event",
    actionLabel: "Action",
    target: "Target",
    outcome: "Outcome",
    actorType: "Actor type (code)",
    actorId: "Actor id",
    actorLabel: "Actor username",
    action: "Action (code)",
    targetType: "Target type (code)",
    targetId: "Target id",
    ip: "Address",
    details: "Details (JSON)",
    prevHash: "Previous hash",
    hash: "Hash",
  },
};
