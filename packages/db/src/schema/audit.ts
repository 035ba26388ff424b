import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgSequence, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns.js";
import { auditActorTypeEnum, auditOutcomeEnum } from "./enums.js";

/** Insertion order of audit rows. Gaps (rolled-back transactions) are harmless: the chain has its own order. */
export const auditEventsSeq = pgSequence("audit_events_seq_seq", { startWith: 1 });

/**
 * R14: append-only, hash-chained audit log. A request inserts its row with `content_hash` (no lock); the
 * audit sequencer (one leased job across all instances) later links it: `chain_seq` (gapless chain
 * position), `prev_hash`, `hash` and `linked_at` are set exactly once, which the trigger of migration
 * `audit_chain_sequencer` enforces along with refusing every other UPDATE, DELETE and TRUNCATE.
 * Rows written before that migration carry no `content_hash` and keep their original hash (`chain_seq = seq`).
 * `details` never holds passwords, tokens or customer data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().default(sql`nextval('audit_events_seq_seq')`),
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
    /** The database's clock at insert: the maximum merge delay is measured from here. */
    recordedAt: timestamptz("recorded_at").notNull().defaultNow(),
    contentHash: text("content_hash"),
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
    linkedAt: timestamptz("linked_at"),
  },
  (t) => [
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_target_idx").on(t.targetType, t.targetId, t.seq),
    uniqueIndex("audit_events_chain_seq_unique").on(t.chainSeq),
    index("audit_events_unlinked_idx").on(t.seq).where(sql`${t.chainSeq} is null`),
    check("audit_events_seq_positive", sql`${t.seq} > 0`),
    check("audit_events_chain_seq_positive", sql`${t.chainSeq} > 0`),
    check("audit_events_hash_hex", sql`${t.hash} ~ '^[0-9a-f]{64}$' and ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
    check("audit_events_content_hash_hex", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    check(
      "audit_events_content_hash_required",
      sql`${t.contentHash} is not null or ${t.chainSeq} = ${t.seq}`,
    ),
    check(
      "audit_events_link_complete",
      sql`(${t.chainSeq} is null) = (${t.hash} is null) and (${t.hash} is null) = (${t.prevHash} is null) and (${t.hash} is null) = (${t.linkedAt} is null)`,
    ),
    check("audit_events_action_format", sql`${t.action} ~ '^[a-z0-9_]+(\\.[a-z0-9_]+)+$'`),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
