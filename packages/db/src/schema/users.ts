import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./columns.js";
import { listeningRequestKindEnum, listeningRequestStatusEnum, roleEnum, userStatusEnum } from "./enums.js";
import { organisations, units } from "./organisations.js";
import { staffMembers } from "./staff.js";

/**
 * R11: one personal account per person. Usernames are stored lower-case (a check refuses anything else)
 * so uniqueness is case-insensitive without the citext extension.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    username: text("username").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    passwordHash: text("password_hash"),
    passwordSetAt: timestamptz("password_set_at"),
    mustChangePassword: boolean("must_change_password").notNull().default(true),
    status: userStatusEnum("status").notNull().default("active"),
    lockedUntil: timestamptz("locked_until"),
    totpSecretEncrypted: text("totp_secret_encrypted"),
    totpEnabledAt: timestamptz("totp_enabled_at"),
    /** The last TOTP time step accepted; a code of that step or an earlier one is refused (no replay). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    recoveryCodeHashes: text("recovery_code_hashes").array().notNull().default(sql`'{}'::text[]`),
    /** The language chosen on the account (null: none chosen yet; the browser's language applies). */
    locale: text("locale"),
    staffMemberId: uuid("staff_member_id").references((): AnyPgColumn => staffMembers.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deactivatedAt: timestamptz("deactivated_at"),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    uniqueIndex("users_staff_member_id_unique").on(t.staffMemberId),
    index("users_organisation_id_idx").on(t.organisationId),
    check("users_username_lower_case", sql`${t.username} = lower(${t.username})`),
    check("users_locale_known", sql`${t.locale} in ('fi', 'en')`),
    check(
      "users_deactivated_consistent",
      sql`(${t.status} = 'deactivated') = (${t.deactivatedAt} is not null)`,
    ),
  ],
);

/** One-time set-password links (R11 / ASVS 6.4.1): only the SHA-256 of the token is stored. */
export const passwordSetupTokens = pgTable(
  "password_setup_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    /** Who received the link (null: the operator CLI). A listening grant they request re-keys the account. */
    issuedTo: uuid("issued_to").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("password_setup_tokens_token_hash_unique").on(t.tokenHash),
    index("password_setup_tokens_user_id_idx").on(t.userId),
  ],
);

/**
 * R10: a role held by a user, scoped to one unit or (unit_id null) to all units. Revoking sets
 * revoked_at so the grant history stays readable.
 */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    unitId: uuid("unit_id").references(() => units.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    grantedAt: timestamptz("granted_at").notNull().defaultNow(),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [
    index("role_grants_user_id_idx").on(t.userId),
    index("role_grants_unit_id_idx").on(t.unitId),
    // One live grant per (user, role, scope); coalesce makes "all units" (null) count as one scope.
    uniqueIndex("role_grants_active_unique")
      .on(t.userId, t.role, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * R10 separation of duties: a right that lets someone listen (or the set-password link of such an
 * account) takes effect only when a second person approves. The grant row exists only once approved.
 */
export const listeningRequests = pgTable(
  "listening_requests",
  {
    id: id(),
    kind: listeningRequestKindEnum("kind").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role"),
    unitId: uuid("unit_id").references(() => units.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    requestedAt: timestamptz("requested_at").notNull(),
    status: listeningRequestStatusEnum("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    decidedAt: timestamptz("decided_at"),
    grantId: uuid("grant_id").references(() => roleGrants.id, { onDelete: "set null" }),
  },
  (t) => [
    index("listening_requests_user_id_idx").on(t.userId),
    index("listening_requests_status_idx").on(t.status),
    check("listening_requests_grant_has_role", sql`(${t.kind} = 'grant') = (${t.role} is not null)`),
    check("listening_requests_decided_consistent", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);

export type ListeningRequest = typeof listeningRequests.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type PasswordSetupToken = typeof passwordSetupTokens.$inferSelect;
export type NewPasswordSetupToken = typeof passwordSetupTokens.$inferInsert;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type NewRoleGrant = typeof roleGrants.$inferInsert;
