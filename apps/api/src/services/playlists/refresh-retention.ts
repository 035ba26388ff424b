import type { DbOrTx } from "@kuulo/db/client";
import { playlistItems } from "@kuulo/db/schema";
import { and, eq, isNotNull } from "drizzle-orm";
import { loadRetentionPolicy } from "../retention/load-policy.js";
import { recomputeRetention } from "../retention/recompute-retention.js";

/** The live recordings a playlist currently points at. */
export async function recordingIdsOf(db: DbOrTx, playlistId: string): Promise<string[]> {
  const rows = await db
    .select({ recordingId: playlistItems.recordingId })
    .from(playlistItems)
    .where(and(eq(playlistItems.playlistId, playlistId), isNotNull(playlistItems.recordingId)));
  return [...new Set(rows.flatMap((row) => (row.recordingId ? [row.recordingId] : [])))];
}

/**
 * R13: a recording in a published playlist is training material and is kept for the training period.
 * Whenever that changes (publish, unpublish, items of a published playlist, delete), the recordings'
 * category and purge date are recomputed in the same transaction.
 */
export async function refreshRetention(
  tx: DbOrTx,
  recordingIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = [...new Set(recordingIds)];
  if (ids.length === 0) return;
  const { policy } = await loadRetentionPolicy(tx);
  await recomputeRetention(tx, policy, now, ids);
}
