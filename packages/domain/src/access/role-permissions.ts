import type { Permission } from "./permissions.js";
import type { Role } from "./roles.js";

/** How a role's permission reaches a resource: through the grant's unit scope or a relation to it. */
export const RELATIONS = ["own", "assigned", "disclosed"] as const;
export type Relation = (typeof RELATIONS)[number];
export type AccessScope = "unit" | Relation;

export type RolePermissionMatrix = Readonly<
  Record<Role, Readonly<Partial<Record<Permission, readonly AccessScope[]>>>>
>;

const unit = ["unit"] as const;

/**
 * Least privilege (R10). Maintenance and browsing are separate: the administrator manages accounts
 * and never reads or hears recordings; the privacy officer reviews disclosures, so it may listen.
 * "unit" means: within the grant's unit (a grant with unitId null covers all units).
 */
export const ROLE_PERMISSIONS: RolePermissionMatrix = {
  administrator: {
    "user.read": unit,
    "user.create": unit,
    "user.update": unit,
    "user.deactivate": unit,
    "user.unlock": unit,
    "user.reset_password": unit,
    "user.end_sessions": unit,
    "grant.read": unit,
    "grant.create": unit,
    "grant.revoke": unit,
    "unit.read": unit,
    "unit.create": unit,
    "unit.update": unit,
    "organisation.read": unit,
    "organisation.create": unit,
    "organisation.update": unit,
    "api_token.read": unit,
    "api_token.create": unit,
    "api_token.revoke": unit,
    "audit.read": unit,
    "audit.verify": unit,
    "stats.read": unit,
    "retention.read": unit,
    // Switching quality review on is configuration; forms and sampling hold no recording content.
    "quality.configure": unit,
    "quality_form.read": unit,
    "quality_form.manage": unit,
    "evaluation.sample": unit,
  },
  privacy_officer: {
    "audit.read": unit,
    "audit.verify": unit,
    "audit.export": unit,
    "disclosure.read": unit,
    "disclosure.create": unit,
    "disclosure.approve": unit,
    "disclosure.revoke": unit,
    "disclosure.export": unit,
    "legal_hold.place": unit,
    "legal_hold.release": unit,
    // A training disclosure names a playlist by title; its items and audio stay with the trainers.
    "playlist.list_titles": unit,
    "retention.read": unit,
    "retention.update": unit,
    "retention.run": unit,
    "recording.read": unit,
    "recording.listen": unit,
    "recording.erase": unit,
    "user.read": unit,
    "grant.read": unit,
    "grant.approve": unit,
    "quality_form.read": unit,
    "quality_form.manage": unit,
  },
  trainer: {
    "recording.read": unit,
    "recording.listen": unit,
    "playlist.read": unit,
    "playlist.create": unit,
    "playlist.update": unit,
    "playlist.delete": unit,
    "playlist.publish": unit,
    "playlist.assign": unit,
    "progress.read": unit,
    "quality_form.read": unit,
    "evaluation.read": unit,
    "evaluation.create": unit,
    "evaluation.respond": unit,
    "evaluation.resolve": unit,
    "evaluation.calibrate": unit,
    "evaluation.report": unit,
  },
  // Reviews calls of their units against the forms; listens to do so, curates no playlists.
  quality_reviewer: {
    "recording.read": unit,
    "recording.listen": unit,
    "quality_form.read": unit,
    "evaluation.read": unit,
    "evaluation.create": unit,
    "evaluation.respond": unit,
    "evaluation.resolve": unit,
    "evaluation.calibrate": unit,
    "evaluation.report": unit,
    "evaluation.sample": unit,
  },
  employee: {
    "playlist.read": ["assigned"],
    "progress.update": ["assigned"],
    // Seeing the list of one's own calls is needed to listen to them (R2: "a person's own calls").
    "recording.read": ["own", "assigned"],
    "recording.listen": ["own", "assigned"],
    // Every evaluation of one's own calls is visible to the person, who may answer and dispute it.
    "evaluation.read": ["own"],
    "evaluation.respond": ["own"],
    "evaluation.dispute": ["own"],
    "evaluation.report": ["own"],
  },
  external_trainer: {
    "playlist.read": ["disclosed"],
    "recording.listen": ["disclosed"],
  },
};

/** Every signed-in person may read and update their own account, whatever their grants. */
export const SELF_PERMISSIONS: readonly Permission[] = ["self.read", "self.update"];

/** A machine token can carry only these scopes; anything else on a token is ignored (R5). */
export const MACHINE_PERMISSIONS: readonly Permission[] = ["recording.ingest"];

/**
 * Scheduled jobs and the operator CLI: bulk import (R5), purge (R13), disclosure expiry, audit
 * verification, and bootstrapping the first administrator. Never listening.
 */
export const SYSTEM_PERMISSIONS: readonly Permission[] = [
  "recording.import",
  "recording.erase",
  "retention.read",
  "retention.run",
  "disclosure.read",
  "disclosure.revoke",
  "audit.read",
  "audit.verify",
  "organisation.create",
  "unit.create",
  "user.create",
  "grant.create",
  "user.unlock",
  "user.reset_password",
];
