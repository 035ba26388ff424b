import type { DbOrTx } from "@kuulo/db/client";
import { type ListeningProgress, listeningProgress } from "@kuulo/db/schema";
import { and, inArray } from "drizzle-orm";
import type { Interval } from "./merge-intervals.js";

/** One person's progress on one item. `listenedMs` is unique time played within the clip. */
export interface ItemProgress {
  listenedMs: number;
  /** Resume point (milliseconds of the recording). */
  positionMs: number;
  maxPositionMs: number;
  playedIntervals: Interval[];
  completed: boolean;
  completedAt: string | null;
  updatedAt: string | null;
}

export const NO_PROGRESS = (clipStartMs: number): ItemProgress => ({
  listenedMs: 0,
  positionMs: clipStartMs,
  maxPositionMs: clipStartMs,
  playedIntervals: [],
  completed: false,
  completedAt: null,
  updatedAt: null,
});

export function toItemProgress(row: ListeningProgress | undefined, clipStartMs: number): ItemProgress {
  if (!row) return NO_PROGRESS(clipStartMs);
  return {
    listenedMs: row.listenedMs,
    positionMs: row.positionMs,
    maxPositionMs: row.maxPositionMs,
    playedIntervals: row.playedIntervals,
    completed: row.completedAt !== null,
    completedAt: row.completedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The clip an item plays: an item without an end plays to the end of the recording. */
export function effectiveClip(
  item: { clipStartMs: number; clipEndMs: number | null },
  durationMs: number,
): { startMs: number; endMs: number } {
  const endMs = Math.min(item.clipEndMs ?? durationMs, durationMs);
  return { startMs: Math.min(item.clipStartMs, endMs), endMs };
}

/** Progress rows of the given people on the given items. */
export async function loadProgressRows(
  db: DbOrTx,
  userIds: readonly string[],
  itemIds: readonly string[],
): Promise<ListeningProgress[]> {
  if (userIds.length === 0 || itemIds.length === 0) return [];
  return db
    .select()
    .from(listeningProgress)
    .where(
      and(
        inArray(listeningProgress.userId, [...userIds]),
        inArray(listeningProgress.playlistItemId, [...itemIds]),
      ),
    );
}
