import type { Database } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import { and, asc, eq, gt, isNull, lte, or, type SQL } from "drizzle-orm";
import type { ErasureJournal } from "../backup/erasure-journal.js";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";
import { purgeQualityData, type QualityPurgeResult } from "./purge-quality-data.js";
import { type PurgeActor, purgeRecording } from "./purge-recording.js";
import { sweepOrphanStaff } from "./sweep-orphan-staff.js";

export const RETENTION_JOB_NAME = "retention.purge";

export interface RetentionPurgeOptions {
  db: Database;
  store: EncryptedBlobStore;
  clock: Clock;
  /** Every purge is also recorded here, outside the database (replayed after a restore). */
  journal: ErasureJournal;
  dryRun?: boolean;
  batchSize?: number;
  /** Who the tombstones name; defaults to the system job. */
  actor?: PurgeActor;
  log?: { warn(obj: unknown, msg: string): void };
}

export interface RetentionPurgeItem {
  recordingId: string;
  category: string;
  dueAt: string | null;
}

export interface RetentionPurgeResult {
  dryRun: boolean;
  /** Purged (or, in a dry run, due for purge). */
  items: RetentionPurgeItem[];
  /** Candidates another run had locked, or that stopped being due meanwhile. */
  skipped: number;
  staffMembersRemoved: number;
  /** Objects whose row is gone but whose delete failed: reconcile removes them (they are unreadable already). */
  objectDeleteFailures: string[];
  /** Quality data past its own retention (in a dry run: what would go). */
  quality: QualityPurgeResult;
}

const SYSTEM_ACTOR: PurgeActor = {
  actorType: "system",
  actorId: null,
  actorLabel: RETENTION_JOB_NAME,
  ip: null,
};

/**
 * The retention purge (R13): walks due, unheld recordings in (due date, id) order, each purged in its
 * own transaction. Selection is by state, so an interrupted run simply resumes on the next one; two
 * concurrent runs each skip what the other has locked, so every recording is purged exactly once. The
 * run ends with a sweep of staff members left without recordings (see sweepOrphanStaff).
 */
export async function runRetentionPurge(options: RetentionPurgeOptions): Promise<RetentionPurgeResult> {
  const { db, store, clock } = options;
  const batchSize = options.batchSize ?? 100;
  const now = clock.now();
  const result: RetentionPurgeResult = {
    dryRun: options.dryRun ?? false,
    items: [],
    skipped: 0,
    staffMembersRemoved: 0,
    objectDeleteFailures: [],
    quality: { evaluations: 0, moments: 0, calibrations: 0 },
  };
  let cursor: { dueAt: Date; id: string } | null = null;
  for (;;) {
    const conditions: SQL[] = [
      lte(recordings.purgeDueAt, now),
      eq(recordings.legalHold, false),
      isNull(recordings.deletedAt),
    ];
    if (cursor) {
      const after = or(
        gt(recordings.purgeDueAt, cursor.dueAt),
        and(eq(recordings.purgeDueAt, cursor.dueAt), gt(recordings.id, cursor.id)),
      );
      if (after) conditions.push(after);
    }
    const batch = await db
      .select({ id: recordings.id, dueAt: recordings.purgeDueAt, category: recordings.retentionCategory })
      .from(recordings)
      .where(and(...conditions))
      .orderBy(asc(recordings.purgeDueAt), asc(recordings.id))
      .limit(batchSize);
    for (const candidate of batch) {
      if (result.dryRun) {
        result.items.push({
          recordingId: candidate.id,
          category: candidate.category,
          dueAt: candidate.dueAt?.toISOString() ?? null,
        });
        continue;
      }
      const purged = await purgeRecording(db, {
        recordingId: candidate.id,
        now,
        reason: "retention",
        requireDue: true,
        actor: options.actor ?? SYSTEM_ACTOR,
        journal: options.journal,
      });
      if (!purged) {
        result.skipped += 1;
        continue;
      }
      result.items.push({ recordingId: purged.recordingId, category: purged.category, dueAt: purged.dueAt });
      if (purged.staffMemberRemoved) result.staffMembersRemoved += 1;
      try {
        await store.deleteObject(purged.storageKey);
      } catch (error) {
        result.objectDeleteFailures.push(purged.storageKey);
        options.log?.warn(
          { err: error, recordingId: purged.recordingId },
          "purged recording's object not deleted",
        );
      }
    }
    const last = batch[batch.length - 1];
    if (!last?.dueAt || batch.length < batchSize) break;
    cursor = { dueAt: last.dueAt, id: last.id };
  }
  result.quality = await purgeQualityData(db, {
    now,
    actor: options.actor ?? SYSTEM_ACTOR,
    dryRun: result.dryRun,
  });
  if (!result.dryRun) {
    result.staffMembersRemoved += await sweepOrphanStaff(db, { now, actor: options.actor ?? SYSTEM_ACTOR });
  }
  return result;
}
