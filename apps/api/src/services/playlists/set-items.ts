import { listeningProgress, type PlaylistItem, playlistItems, playlists, recordings } from "@kuulo/db/schema";
import { DomainError, validationError } from "@kuulo/domain/errors";
import { and, eq, inArray } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";
import { refreshRetention } from "./refresh-retention.js";

export interface PlaylistItemInput {
  itemId?: string | undefined;
  recordingId: string | null;
  clipStartMs: number;
  clipEndMs: number | null;
  note: string;
}

export interface SetPlaylistItemsInput {
  playlistId: string;
  items: PlaylistItemInput[];
}

const field = (index: number, name: string) => `items.${index}.${name}`;

/** Shape rules that need no database: each refusal names the item's field. */
function checkShapes(items: readonly PlaylistItemInput[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (item.itemId !== undefined) {
      if (seen.has(item.itemId)) throw validationError(field(index, "itemId"), "The same item appears twice");
      seen.add(item.itemId);
    }
    if (item.recordingId === null) {
      if (item.itemId === undefined)
        throw validationError(field(index, "recordingId"), "Choose a recording for the new item");
      return;
    }
    if (item.clipEndMs === null)
      throw validationError(field(index, "clipEndMs"), "Choose where the clip ends");
    if (!(item.clipStartMs < item.clipEndMs)) {
      throw validationError(
        field(index, "clipEndMs"),
        "The clip must end after it starts",
        undefined,
        "clip.window",
      );
    }
  });
}

/**
 * Every recording in the list must exist and be within the trainer's browsing AND listening scope (IDOR in
 * a nested array): checked for all items before anything is written. Only then is the clip checked against
 * the duration, so a refused recording's length is never revealed.
 */
export async function checkRecordings(ctx: AuthedContext, items: readonly PlaylistItemInput[]) {
  const ids = [...new Set(items.flatMap((item) => (item.recordingId ? [item.recordingId] : [])))];
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .select({
            id: recordings.id,
            unitId: recordings.unitId,
            durationMs: recordings.durationMs,
            deletedAt: recordings.deletedAt,
          })
          .from(recordings)
          .where(inArray(recordings.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [index, item] of items.entries()) {
    if (!item.recordingId) continue;
    const recording = byId.get(item.recordingId);
    if (!recording || recording.deletedAt !== null) {
      throw new DomainError("NOT_FOUND", "Recording not found", { field: field(index, "recordingId") });
    }
    const target = { type: "recording", id: recording.id };
    await authorize(ctx, "recording.read", { unitId: recording.unitId }, target);
    await authorize(ctx, "recording.listen", { unitId: recording.unitId }, target);
  }
  items.forEach((item, index) => {
    const recording = item.recordingId ? byId.get(item.recordingId) : undefined;
    if (recording && item.clipEndMs !== null && item.clipEndMs > recording.durationMs) {
      throw validationError(
        field(index, "clipEndMs"),
        `The clip must end within the recording (${recording.durationMs} ms)`,
        undefined,
        "clip.beyond_recording",
      );
    }
  });
}

/** Kept items must be this playlist's own; a removed item can be kept (moved, re-noted) but not re-pointed. */
function checkKeptItems(items: readonly PlaylistItemInput[], existing: Map<string, PlaylistItem>): void {
  items.forEach((item, index) => {
    if (item.itemId === undefined) return;
    const current = existing.get(item.itemId);
    if (!current)
      throw new DomainError("NOT_FOUND", "Playlist item not found", { field: field(index, "itemId") });
    if (item.recordingId === null && current.recordingId !== null) {
      throw validationError(field(index, "recordingId"), "Choose a recording for the item");
    }
  });
}

/** Replaces the ordered item list in one transaction; unchanged items keep their listeners' progress. */
export async function setPlaylistItems({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: SetPlaylistItemsInput;
}): Promise<PlaylistDetail> {
  checkShapes(input.items);
  const playlist = await loadPlaylistInScope(ctx, "playlist.update", input.playlistId);
  await checkRecordings(ctx, input.items);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Serialises concurrent editors of the same playlist.
    const [locked] = await tx
      .select({ status: playlists.status })
      .from(playlists)
      .where(eq(playlists.id, playlist.id))
      .for("update");
    const current = await tx.select().from(playlistItems).where(eq(playlistItems.playlistId, playlist.id));
    const existing = new Map(current.map((item) => [item.id, item]));
    checkKeptItems(input.items, existing);
    const kept = new Set(input.items.flatMap((item) => (item.itemId ? [item.itemId] : [])));
    const removed = current.filter((item) => !kept.has(item.id)).map((item) => item.id);
    if (removed.length > 0) await tx.delete(playlistItems).where(inArray(playlistItems.id, removed));
    let changed = 0;
    let added = 0;
    for (const [position, item] of input.items.entries()) {
      const before = item.itemId ? existing.get(item.itemId) : undefined;
      if (!before) {
        await tx.insert(playlistItems).values({
          playlistId: playlist.id,
          position,
          recordingId: item.recordingId,
          clipStartMs: item.clipStartMs,
          clipEndMs: item.clipEndMs,
          note: item.note,
          createdAt: now,
        });
        added += 1;
        continue;
      }
      const isRemovedItem = before.recordingId === null;
      const clipChanged =
        !isRemovedItem &&
        (before.recordingId !== item.recordingId ||
          before.clipStartMs !== item.clipStartMs ||
          before.clipEndMs !== item.clipEndMs);
      await tx
        .update(playlistItems)
        .set({
          position,
          note: item.note,
          ...(isRemovedItem
            ? {}
            : { recordingId: item.recordingId, clipStartMs: item.clipStartMs, clipEndMs: item.clipEndMs }),
        })
        .where(and(eq(playlistItems.id, before.id), eq(playlistItems.playlistId, playlist.id)));
      // Progress on a different clip says nothing about this one.
      if (clipChanged) {
        await tx.delete(listeningProgress).where(eq(listeningProgress.playlistItemId, before.id));
        changed += 1;
      }
    }
    await tx.update(playlists).set({ updatedAt: now }).where(eq(playlists.id, playlist.id));
    if (locked?.status === "published") {
      const before = current.flatMap((item) => (item.recordingId ? [item.recordingId] : []));
      const after = input.items.flatMap((item) => (item.recordingId ? [item.recordingId] : []));
      await refreshRetention(tx, [...before, ...after], now);
    }
    await audit(tx, ctx, {
      action: "playlist.set_items",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: {
        itemCount: input.items.length,
        added,
        removed: removed.length,
        clipsChanged: changed,
        recordingIds: [
          ...new Set(input.items.flatMap((item) => (item.recordingId ? [item.recordingId] : []))),
        ],
      },
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
