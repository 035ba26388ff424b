import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea.js";
import { id, timestamptz } from "./columns.js";
import { retentionCategoryEnum } from "./enums.js";
import { units } from "./organisations.js";
import { staffMembers } from "./staff.js";

/**
 * A call recording. R3/R4: besides the staff member and call time, only technical metadata about the audio
 * and the unit needed for access scoping. Never a caller number, customer id or any other call content.
 * The audio is encrypted with a per-recording data key, stored here only wrapped by the master key
 * (`key_id` names it), so destroying `wrapped_data_key` crypto-erases every copy.
 */
export const recordings = pgTable(
  "recordings",
  {
    id: id(),
    sourceSystemId: text("source_system_id").notNull(),
    sourceRecordingId: text("source_recording_id").notNull(),
    staffMemberId: uuid("staff_member_id")
      .notNull()
      .references(() => staffMembers.id, { onDelete: "restrict" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "restrict" }),
    callStartedAt: timestamptz("call_started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    originalFormat: text("original_format").notNull(),
    originalSha256: text("original_sha256").notNull(),
    originalSizeBytes: bigint("original_size_bytes", { mode: "number" }).notNull(),
    storedFormat: text("stored_format").notNull(),
    storedSizeBytes: bigint("stored_size_bytes", { mode: "number" }).notNull(),
    storedSha256: text("stored_sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    wrappedDataKey: bytea("wrapped_data_key"),
    keyId: text("key_id").notNull(),
    /** Waveform peaks for the player: a small array of 0..1 amplitudes, not audio. */
    peaks: jsonb("peaks").$type<number[]>(),
    ingestedAt: timestamptz("ingested_at").notNull().defaultNow(),
    /** Derived by a trigger from unreleased legal_holds rows; a held recording cannot be deleted or erased. */
    legalHold: boolean("legal_hold").notNull().default(false),
    retentionCategory: retentionCategoryEnum("retention_category").notNull(),
    purgeDueAt: timestamptz("purge_due_at"),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    uniqueIndex("recordings_source_unique").on(t.sourceSystemId, t.sourceRecordingId),
    uniqueIndex("recordings_storage_key_unique").on(t.storageKey),
    // Keyset pagination: (call_started_at, id) descending within a unit, a staff member, or overall.
    index("recordings_unit_call_idx").on(t.unitId, t.callStartedAt.desc(), t.id.desc()),
    index("recordings_staff_call_idx").on(t.staffMemberId, t.callStartedAt.desc(), t.id.desc()),
    index("recordings_call_idx").on(t.callStartedAt.desc(), t.id.desc()),
    // Longest/shortest first within a unit (the trainer's list), keyset on (duration_ms, id).
    index("recordings_unit_duration_idx").on(t.unitId, t.durationMs.desc(), t.id.desc()),
    index("recordings_purge_due_at_idx").on(t.purgeDueAt),
    check("recordings_duration_non_negative", sql`${t.durationMs} >= 0`),
    check("recordings_sizes_non_negative", sql`${t.originalSizeBytes} >= 0 and ${t.storedSizeBytes} >= 0`),
    check(
      "recordings_sha256_hex",
      sql`${t.originalSha256} ~ '^[0-9a-f]{64}$' and ${t.storedSha256} ~ '^[0-9a-f]{64}$'`,
    ),
  ],
);

export type Recording = typeof recordings.$inferSelect;
export type NewRecording = typeof recordings.$inferInsert;
