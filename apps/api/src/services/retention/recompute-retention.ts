import type { DbOrTx } from "@kuulo/db/client";
import { playlistItems, playlists, recordings } from "@kuulo/db/schema";
import { computeRetention, type RetentionPolicy } from "@kuulo/domain/retention";
import { and, asc, eq, gt, inArray, isNull, min } from "drizzle-orm";

const BATCH = 500;

/** Since when each recording has been in a published playlist (training material), if ever. */
async function trainingSince(db: DbOrTx, ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ recordingId: playlistItems.recordingId, since: min(playlists.publishedAt) })
    .from(playlistItems)
    .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
    .where(and(inArray(playlistItems.recordingId, ids), eq(playlists.status, "published")))
    .groupBy(playlistItems.recordingId);
  const map = new Map<string, Date>();
  for (const row of rows) if (row.recordingId && row.since) map.set(row.recordingId, new Date(row.since));
  return map;
}

/**
 * Writes each recording's retention category and purge due date as the domain computes them (R13):
 * null while held. `ids` limits it to some recordings; otherwise every live recording, in batches.
 */
export async function recomputeRetention(
  db: DbOrTx,
  policy: RetentionPolicy,
  now: Date,
  ids?: readonly string[],
): Promise<number> {
  if (ids && ids.length === 0) return 0;
  let updated = 0;
  let after: string | null = null;
  for (;;) {
    const conditions = [isNull(recordings.deletedAt)];
    if (ids) conditions.push(inArray(recordings.id, [...ids]));
    if (after) conditions.push(gt(recordings.id, after));
    const batch = await db
      .select({ id: recordings.id, callStartedAt: recordings.callStartedAt, legalHold: recordings.legalHold })
      .from(recordings)
      .where(and(...conditions))
      .orderBy(asc(recordings.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    const since = await trainingSince(
      db,
      batch.map((row) => row.id),
    );
    for (const row of batch) {
      const decision = computeRetention(
        {
          callStartedAt: row.callStartedAt,
          usedInTrainingSince: since.get(row.id) ?? null,
          legalHold: row.legalHold,
        },
        policy,
        now,
      );
      await db
        .update(recordings)
        .set({ retentionCategory: decision.category, purgeDueAt: decision.dueAt })
        .where(eq(recordings.id, row.id));
      updated += 1;
    }
    after = batch[batch.length - 1]?.id ?? null;
    if (batch.length < BATCH) break;
  }
  return updated;
}
