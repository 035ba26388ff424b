import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import { and, isNotNull, isNull } from "drizzle-orm";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";

export interface ScrubReport {
  checked: number;
  /** Recordings whose object is missing, fails authentication, or decrypts to other bytes. */
  failures: { recordingId: string; storageKey: string; problem: string }[];
}

/** `storage scrub`: decrypts every live object and compares it with the stored SHA-256 and size. */
export async function scrubStorage(options: {
  db: Database;
  store: EncryptedBlobStore;
  clock: Clock;
  actorLabel: string;
  onProgress?: (checked: number, total: number) => void;
}): Promise<ScrubReport> {
  const rows = await options.db
    .select({
      id: recordings.id,
      storageKey: recordings.storageKey,
      wrappedDataKey: recordings.wrappedDataKey,
      storedSha256: recordings.storedSha256,
      storedSizeBytes: recordings.storedSizeBytes,
    })
    .from(recordings)
    .where(and(isNotNull(recordings.wrappedDataKey), isNull(recordings.deletedAt)));
  const report: ScrubReport = { checked: 0, failures: [] };
  for (const row of rows) {
    const fail = (problem: string) =>
      report.failures.push({ recordingId: row.id, storageKey: row.storageKey, problem });
    try {
      const digest = await options.store.digestPlaintext(row.storageKey, row.wrappedDataKey!);
      if (digest.sha256 !== row.storedSha256) fail("SHA-256 differs from the stored checksum");
      else if (digest.plaintextSize !== row.storedSizeBytes) fail("size differs from the stored size");
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    report.checked++;
    options.onProgress?.(report.checked, rows.length);
  }
  await appendAuditEvent(options.db, {
    actorType: "system",
    actorLabel: options.actorLabel,
    action: "storage.scrub",
    outcome: report.failures.length > 0 ? "failure" : "success",
    occurredAt: options.clock.now(),
    details: {
      checked: report.checked,
      failedRecordingIds: report.failures.map((failure) => failure.recordingId),
    },
  });
  return report;
}
