import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import { inArray } from "drizzle-orm";
import { purgeRecording } from "../jobs/purge-recording.js";
import { sweepOrphanStaff } from "../jobs/sweep-orphan-staff.js";
import { loadCheckpointKey } from "../services/audit/checkpoint-key.js";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";
import { type JournalConfig, type JournalLineProblem, readErasureJournal } from "./erasure-journal.js";

export interface ReplayReport {
  /** Valid entries in the journal. */
  entries: number;
  /** Recordings a restore had brought back and the replay removed again. */
  erasedAgain: string[];
  /** Present but under legal hold (or locked): left alone and reported; release the hold, replay again. */
  skipped: string[];
  rejectedLines: { line: number; problem: JournalLineProblem }[];
  objectDeleteFailures: string[];
}

const BATCH = 500;

/**
 * After a restore (R13, GDPR Art. 17): every recording the journal names that the restored database
 * still holds is removed again — row, wrapped key, object — with a tombstone naming the original date.
 * Lines not signed by the configured audit signing key are reported and never acted on.
 */
export async function replayErasureJournal(options: {
  db: Database;
  store: EncryptedBlobStore;
  config: JournalConfig;
  clock: Clock;
  actorLabel: string;
}): Promise<ReplayReport> {
  const { db, store } = options;
  const key = await loadCheckpointKey(options.config, { create: false });
  const journal = await readErasureJournal(options.config.erasureJournal.file, key);
  const report: ReplayReport = {
    entries: journal.entries.length,
    erasedAgain: [],
    skipped: [],
    rejectedLines: journal.rejected,
    objectDeleteFailures: [],
  };
  const actor = { actorType: "system" as const, actorId: null, actorLabel: options.actorLabel, ip: null };
  const now = options.clock.now();
  for (let start = 0; start < journal.entries.length; start += BATCH) {
    const batch = journal.entries.slice(start, start + BATCH);
    const present = new Set(
      (
        await db
          .select({ id: recordings.id })
          .from(recordings)
          .where(
            inArray(
              recordings.id,
              batch.map((entry) => entry.recordingId),
            ),
          )
      ).map((row) => row.id),
    );
    for (const entry of batch) {
      if (!present.has(entry.recordingId)) continue;
      present.delete(entry.recordingId);
      const purged = await purgeRecording(db, {
        recordingId: entry.recordingId,
        now,
        reason: entry.reason,
        requireDue: false,
        actor,
        journal: { replayOf: { erasedAt: entry.erasedAt } },
      });
      if (!purged) {
        report.skipped.push(entry.recordingId);
        continue;
      }
      report.erasedAgain.push(entry.recordingId);
      try {
        await store.deleteObject(purged.storageKey);
      } catch {
        report.objectDeleteFailures.push(purged.storageKey);
      }
    }
  }
  await sweepOrphanStaff(db, { now, actor });
  await appendAuditEvent(db, {
    ...actor,
    action: "erasure_journal.replay",
    outcome: report.skipped.length + report.rejectedLines.length > 0 ? "failure" : "success",
    occurredAt: now,
    details: {
      entries: report.entries,
      erasedAgain: report.erasedAgain.length,
      skippedRecordingIds: report.skipped,
      rejectedLines: report.rejectedLines.map((rejected) => rejected.line),
    },
  });
  return report;
}
