import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { exportPackages, recordings } from "@kuulo/db/schema";
import { and, inArray, isNotNull } from "drizzle-orm";
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
  /** Export packages of cases closed after the backup: their keys destroyed again (the case itself shows open). */
  packagesErasedAgain: string[];
  /** Present but under legal hold (or locked): left alone and reported; release the hold, replay again. */
  skipped: string[];
  rejectedLines: { line: number; problem: JournalLineProblem }[];
  objectDeleteFailures: string[];
}

const BATCH = 500;

/**
 * After a restore (R13, GDPR Art. 17): every recording the journal names that the restored database
 * still holds is removed again — row, wrapped key, object — with a tombstone naming the original date;
 * every export package of a case closed since loses its wrapped key and object again.
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
    packagesErasedAgain: [],
    skipped: [],
    rejectedLines: journal.rejected,
    objectDeleteFailures: [],
  };
  const actor = { actorType: "system" as const, actorId: null, actorLabel: options.actorLabel, ip: null };
  const now = options.clock.now();
  const recordingEntries = journal.entries.filter((entry) => entry.target === "recording");
  for (let start = 0; start < recordingEntries.length; start += BATCH) {
    const batch = recordingEntries.slice(start, start + BATCH);
    const present = new Set(
      (
        await db
          .select({ id: recordings.id })
          .from(recordings)
          .where(
            inArray(
              recordings.id,
              batch.map((entry) => entry.id),
            ),
          )
      ).map((row) => row.id),
    );
    for (const entry of batch) {
      if (!present.has(entry.id)) continue;
      present.delete(entry.id);
      const purged = await purgeRecording(db, {
        recordingId: entry.id,
        now,
        reason: entry.reason === "retention" ? "retention" : "erasure",
        requireDue: false,
        actor,
        journal: { replayOf: { erasedAt: entry.erasedAt } },
      });
      if (!purged) {
        report.skipped.push(entry.id);
        continue;
      }
      report.erasedAgain.push(entry.id);
      try {
        await store.deleteObject(purged.storageKey);
      } catch {
        report.objectDeleteFailures.push(purged.storageKey);
      }
    }
  }
  const packageEntries = journal.entries.filter((entry) => entry.target === "export_package");
  for (let start = 0; start < packageEntries.length; start += BATCH) {
    const batch = packageEntries.slice(start, start + BATCH);
    const erasedAt = new Map(batch.map((entry) => [entry.id, entry.erasedAt]));
    const erased = await db.transaction(async (tx) => {
      const rows = await tx
        .update(exportPackages)
        .set({ wrappedDataKey: null, expiresAt: now })
        .where(
          and(inArray(exportPackages.id, [...erasedAt.keys()]), isNotNull(exportPackages.wrappedDataKey)),
        )
        .returning({
          id: exportPackages.id,
          disclosureId: exportPackages.disclosureId,
          storageKey: exportPackages.storageKey,
        });
      for (const row of rows) {
        await appendAuditEvent(tx, {
          ...actor,
          action: "export_package.erase",
          targetType: "disclosure",
          targetId: row.disclosureId,
          outcome: "success",
          occurredAt: now,
          details: {
            exportPackageId: row.id,
            reason: "case_closed",
            replayedFromJournal: erasedAt.get(row.id),
          },
        });
      }
      return rows;
    });
    for (const row of erased) {
      report.packagesErasedAgain.push(row.id);
      try {
        await store.deleteObject(row.storageKey);
      } catch {
        report.objectDeleteFailures.push(row.storageKey);
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
      packagesErasedAgain: report.packagesErasedAgain.length,
      skippedRecordingIds: report.skipped,
      rejectedLines: report.rejectedLines.map((rejected) => rejected.line),
    },
  });
  return report;
}
