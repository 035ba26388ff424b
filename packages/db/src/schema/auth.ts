import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz } from "./columns.js";
import { users } from "./users.js";

/**
 * Sessions per the Lucia guide: the id is the SHA-256 hex of the secret token, so a database leak does not
 * leak usable tokens. Both an idle timeout and an absolute expiry apply (security.md, ASVS 7.3).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastActiveAt: timestamptz("last_active_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    idleTimeoutSeconds: integer("idle_timeout_seconds").notNull(),
    secondFactorVerified: boolean("second_factor_verified").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_expires_at_idx").on(t.expiresAt),
    check("sessions_id_sha256_hex", sql`${t.id} ~ '^[0-9a-f]{64}$'`),
    check("sessions_idle_timeout_positive", sql`${t.idleTimeoutSeconds} > 0`),
  ],
);

/**
 * Throttling state for password guessing (R11), one row per key: "user:<username>" or "ip:<address>".
 * Kept apart from users so unknown usernames are throttled the same way as known ones.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    firstFailureAt: timestamptz("first_failure_at"),
    lastFailureAt: timestamptz("last_failure_at"),
    lockedUntil: timestamptz("locked_until"),
  },
  (t) => [
    check("login_throttles_key_kind", sql`${t.key} ~ '^(user|ip):.+'`),
    check("login_throttles_failures_non_negative", sql`${t.failures} >= 0`),
  ],
);

/** Machine tokens (R5: the call recording system's ingest). Only the SHA-256 of the token is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
    expiresAt: timestamptz("expires_at"),
  },
  (t) => [uniqueIndex("api_tokens_token_hash_unique").on(t.tokenHash)],
);

/**
 * One row whose `value` grows whenever anything a cached session depends on changes: a session ended or
 * its second factor verified, a user, organisation, role grant or disclosure changed. Triggers (migration
 * `audit_chain_sequencer`) bump it in the same transaction as the change, so every API instance sees the
 * new value on its next request and drops its cached sessions (ASVS 7.4: revocation bites at once).
 */
export const authEpoch = pgTable(
  "auth_epoch",
  {
    id: smallint("id").primaryKey().default(1),
    value: bigint("value", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("auth_epoch_single_row", sql`${t.id} = 1`)],
);

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type LoginThrottle = typeof loginThrottles.$inferSelect;
export type NewLoginThrottle = typeof loginThrottles.$inferInsert;
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;
