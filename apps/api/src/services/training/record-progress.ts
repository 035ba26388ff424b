import { listeningProgress, playlistItems, playlists, recordings } from "@kuulo/db/schema";
import { DomainError, notFound, validationError } from "@kuulo/domain/errors";
import { and, eq } from "drizzle-orm";
import { isPlaylistAssignedTo } from "../recordings/recording-access.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { effectiveClip, type ItemProgress, toItemProgress } from "./item-progress.js";
import {
  clampToClip,
  coveredMs,
  isClipCompleted,
  MAX_STORED_INTERVALS,
  mergeIntervals,
} from "./merge-intervals.js";

/** Decoded audio may run a little past the stored duration (codec padding); that much is clamped, not refused. */
const END_TOLERANCE_MS = 1000;

export interface RecordProgressInput {
  playlistItemId: string;
  intervals: [number, number][];
  positionMs: number;
}

export interface RecordedProgress extends ItemProgress {
  playlistItemId: string;
  clipStartMs: number;
  clipEndMs: number;
}

/**
 * Adds played intervals to the person's progress on an item of a playlist assigned to them. The server
 * merges them, so repeating a report changes nothing (idempotent), and the item completes only when 90 %
 * of the clip has actually been played. Only completion is audited (coarse grain; positions are not).
 */
export async function recordProgress({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: RecordProgressInput;
}): Promise<RecordedProgress> {
  const [row] = await ctx.db
    .select({ item: playlistItems, playlist: playlists, recording: recordings })
    .from(playlistItems)
    .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
    .leftJoin(recordings, eq(recordings.id, playlistItems.recordingId))
    .where(eq(playlistItems.id, input.playlistItemId));
  if (!row) throw notFound("Playlist item");
  const assigned = await isPlaylistAssignedTo(ctx.db, ctx.auth.actor, row.playlist.id);
  await authorize(
    ctx,
    "progress.update",
    { assignedToActor: assigned },
    { type: "playlist_item", id: row.item.id },
  );
  const { item, recording } = row;
  if (!recording || recording.deletedAt !== null) {
    throw new DomainError("PRECONDITION_FAILED", "This item's recording has been removed", {
      rule: "R13",
      reason: "item.removed",
    });
  }
  const clip = effectiveClip(item, recording.durationMs);
  input.intervals.forEach(([, to], index) => {
    if (to > recording.durationMs + END_TOLERANCE_MS) {
      throw validationError(
        `intervals.${index}`,
        "The interval ends after the recording",
        undefined,
        "progress.beyond_recording",
      );
    }
  });
  const positionMs = Math.min(Math.max(input.positionMs, clip.startMs), clip.endMs);
  const userId = ctx.auth.user.id;
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    await tx
      .insert(listeningProgress)
      .values({ userId, playlistItemId: item.id, positionMs, maxPositionMs: positionMs })
      .onConflictDoNothing();
    const [current] = await tx
      .select()
      .from(listeningProgress)
      .where(and(eq(listeningProgress.userId, userId), eq(listeningProgress.playlistItemId, item.id)))
      .for("update");
    if (!current) throw new Error("progress row vanished");
    const fresh = clampToClip(input.intervals, clip.startMs, clip.endMs);
    const merged = mergeIntervals([...current.playedIntervals, ...fresh]);
    if (merged.length > MAX_STORED_INTERVALS) {
      throw validationError(
        "intervals",
        "Too many separate played stretches",
        undefined,
        "progress.too_fragmented",
      );
    }
    const listenedMs = coveredMs(merged);
    const reachedMs = Math.max(current.maxPositionMs, positionMs, ...fresh.map(([, to]) => to));
    const completedNow =
      current.completedAt === null && isClipCompleted(listenedMs, clip.endMs - clip.startMs);
    const [updated] = await tx
      .update(listeningProgress)
      .set({
        playedIntervals: merged,
        listenedMs,
        positionMs,
        maxPositionMs: reachedMs,
        ...(completedNow ? { completedAt: now } : {}),
        updatedAt: now,
      })
      .where(eq(listeningProgress.id, current.id))
      .returning();
    if (!updated) throw new Error("progress update returned nothing");
    if (completedNow) {
      await audit(tx, ctx, {
        action: "progress.complete",
        outcome: "success",
        targetType: "playlist_item",
        targetId: item.id,
        details: { playlistId: row.playlist.id, recordingId: recording.id, listenedMs },
      });
    }
    return updated;
  });
  return {
    playlistItemId: item.id,
    clipStartMs: clip.startMs,
    clipEndMs: clip.endMs,
    ...toItemProgress(saved, clip.startMs),
  };
}
