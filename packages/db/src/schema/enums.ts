import { ROLES } from "@kuulo/domain/access";
import { DISCLOSURE_KINDS, DISCLOSURE_STATUSES } from "@kuulo/domain/disclosure";
import { RETENTION_CATEGORIES } from "@kuulo/domain/retention";
import { pgEnum } from "drizzle-orm/pg-core";

/** User levels come from the domain so the database can never hold a role the policy does not know. */
export const roleEnum = pgEnum("role", ROLES);

// Vocabulary the domain does not (yet) define as constants; the database is its source of truth.
export const ORGANISATION_KINDS = ["controller", "processor"] as const;
export const organisationKindEnum = pgEnum("organisation_kind", ORGANISATION_KINDS);

export const USER_STATUSES = ["active", "deactivated"] as const;
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);

export const PLAYLIST_STATUSES = ["draft", "published"] as const;
export const playlistStatusEnum = pgEnum("playlist_status", PLAYLIST_STATUSES);

/** R6: training (a), statutory (b), data subject access request (c); the state machine is the domain's. */
export const disclosureKindEnum = pgEnum("disclosure_kind", DISCLOSURE_KINDS);
export const disclosureStatusEnum = pgEnum("disclosure_status", DISCLOSURE_STATUSES);

/** R13: the retention category decides a recording's period (legal_hold has none). */
export const retentionCategoryEnum = pgEnum("retention_category", RETENTION_CATEGORIES);

export const AUDIT_ACTOR_TYPES = ["user", "machine", "system", "anonymous"] as const;
export const auditActorTypeEnum = pgEnum("audit_actor_type", AUDIT_ACTOR_TYPES);

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
export const auditOutcomeEnum = pgEnum("audit_outcome", AUDIT_OUTCOMES);

/** R10 separation of duties: a listening grant, or a set-password link of a listening account, awaiting a second person. */
export const LISTENING_REQUEST_KINDS = ["grant", "password_link"] as const;
export const listeningRequestKindEnum = pgEnum("listening_request_kind", LISTENING_REQUEST_KINDS);
export const LISTENING_REQUEST_STATUSES = ["pending", "approved", "refused"] as const;
export const listeningRequestStatusEnum = pgEnum("listening_request_status", LISTENING_REQUEST_STATUSES);

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type UserStatus = (typeof USER_STATUSES)[number];
export type PlaylistStatus = (typeof PLAYLIST_STATUSES)[number];
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type ListeningRequestKind = (typeof LISTENING_REQUEST_KINDS)[number];
export type ListeningRequestStatus = (typeof LISTENING_REQUEST_STATUSES)[number];
