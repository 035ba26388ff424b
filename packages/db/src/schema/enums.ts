import { ROLES } from "@kuulo/domain/access";
import { pgEnum } from "drizzle-orm/pg-core";

/** User levels come from the domain so the database can never hold a role the policy does not know. */
export const roleEnum = pgEnum("role", ROLES);

// The value lists below mirror the domain vocabulary; they are kept here until the domain exports them.
export const ORGANISATION_KINDS = ["controller", "processor"] as const;
export const organisationKindEnum = pgEnum("organisation_kind", ORGANISATION_KINDS);

export const USER_STATUSES = ["active", "deactivated"] as const;
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);

export const PLAYLIST_STATUSES = ["draft", "published"] as const;
export const playlistStatusEnum = pgEnum("playlist_status", PLAYLIST_STATUSES);

/** R6: training (a), statutory (b), data subject access request (c). */
export const DISCLOSURE_KINDS = ["training", "statutory", "access_request"] as const;
export const disclosureKindEnum = pgEnum("disclosure_kind", DISCLOSURE_KINDS);

/** Prepared by one person, approved by another, then active until revoked (training) or closed (case ends). */
export const DISCLOSURE_STATUSES = ["draft", "awaiting_approval", "active", "revoked", "closed"] as const;
export const disclosureStatusEnum = pgEnum("disclosure_status", DISCLOSURE_STATUSES);

export const AUDIT_ACTOR_TYPES = ["user", "machine", "system", "anonymous"] as const;
export const auditActorTypeEnum = pgEnum("audit_actor_type", AUDIT_ACTOR_TYPES);

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
export const auditOutcomeEnum = pgEnum("audit_outcome", AUDIT_OUTCOMES);

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type UserStatus = (typeof USER_STATUSES)[number];
export type PlaylistStatus = (typeof PLAYLIST_STATUSES)[number];
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
