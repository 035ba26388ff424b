import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.js";
import { auditActorTypeEnum, auditOutcomeEnum } from "./enums.js";

/**
 * R14: append-only, hash-chained audit log. `seq` is assigned by appendAuditEvent under an advisory lock
 * (last seq + 1), not by a sequence: a rolled-back transaction must not leave a gap, because a gap is how
 * a deleted row is detected. Triggers (migration `audit_append_only`) refuse UPDATE, DELETE and TRUNCATE.
 * `details` never holds passwords, tokens or customer data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamptz("occurred_at").notNull(),
    actorType: auditActorTypeEnum("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: auditOutcomeEnum("outcome").notNull(),
    ip: text("ip"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_target_idx").on(t.targetType, t.targetId, t.seq),
    check("audit_events_seq_positive", sql`${t.seq} > 0`),
    check("audit_events_hash_hex", sql`${t.hash} ~ '^[0-9a-f]{64}$' and ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    check("audit_events_action_format", sql`${t.action} ~ '^[a-z0-9_]+(\\.[a-z0-9_]+)+$'`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
