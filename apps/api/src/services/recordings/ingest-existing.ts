import type { DbOrTx } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import { conflict } from "@kuulo/domain/errors";
import { and, eq } from "drizzle-orm";
import type { IngestResult } from "./ingest-types.js";

/**
 * Idempotency on (source system, source recording id): the same original again returns the recording
 * already stored; different content under the same id is a conflict that changes nothing.
 */
export async function findExistingIngest(
  db: DbOrTx,
  key: { sourceSystem: string; sourceRecordingId: string },
  originalSha256: string,
): Promise<IngestResult | null> {
  const [row] = await db
    .select({
      id: recordings.id,
      durationMs: recordings.durationMs,
      originalSha256: recordings.originalSha256,
    })
    .from(recordings)
    .where(
      and(
        eq(recordings.sourceSystemId, key.sourceSystem),
        eq(recordings.sourceRecordingId, key.sourceRecordingId),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.originalSha256 !== originalSha256) {
    throw conflict(
      `Recording ${key.sourceRecordingId} was already ingested with different audio; nothing was changed`,
      { field: "sourceRecordingId", reason: "recording.source_conflict" },
    );
  }
  return {
    outcome: "existing",
    id: row.id,
    sourceRecordingId: key.sourceRecordingId,
    durationMs: row.durationMs,
    sha256: row.originalSha256,
  };
}
