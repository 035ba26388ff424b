import { playlistItems, playlists, recordings, units } from "@kuulo/db/schema";
import { notFound, validationError } from "@kuulo/domain/errors";
import { eq, inArray } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";
import { refreshRetention } from "./refresh-retention.js";
import { checkRecordings, type PlaylistItemInput } from "./set-items.js";

export interface AddRecordingsInput {
  /** An existing playlist (chosen by its title in the UI)… */
  playlistId?: string | undefined;
  /** …or a new draft one in one of the trainer's units. */
  newPlaylist?: { title: string; unitId: string } | undefined;
  recordingIds: string[];
  maxItems: number;
}

export interface AddRecordingsResult {
  playlist: PlaylistDetail;
  added: number;
  /** Recordings the playlist already had: not added twice. */
  alreadyThere: number;
}

/**
 * Several recordings at the end of a playlist, each as a whole-call clip, in one transaction with one
 * audit row (and a playlist.create row when the playlist is new). The recordings pass the same checks
 * as the editor's setItems (browsing and listening scope, before anything is written).
 */
export async function addRecordingsToPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: AddRecordingsInput;
}): Promise<AddRecordingsResult> {
  const ids = [...new Set(input.recordingIds)];
  let existingId: string | null = null;
  let newUnitId: string | null = null;
  if (input.playlistId) {
    existingId = (await loadPlaylistInScope(ctx, "playlist.update", input.playlistId)).id;
  } else if (input.newPlaylist) {
    const [unit] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.id, input.newPlaylist.unitId));
    if (!unit) throw notFound("Unit");
    await authorize(ctx, "playlist.create", { unitId: unit.id }, { type: "unit", id: unit.id });
    newUnitId = unit.id;
  } else {
    throw validationError("playlistId", "Choose a playlist or name a new one");
  }
  const durations = new Map(
    (
      await ctx.db
        .select({ id: recordings.id, durationMs: recordings.durationMs })
        .from(recordings)
        .where(inArray(recordings.id, ids))
    ).map((row) => [row.id, row.durationMs]),
  );
  const items: PlaylistItemInput[] = ids.map((recordingId) => ({
    recordingId,
    clipStartMs: 0,
    clipEndMs: Math.max(1, durations.get(recordingId) ?? 1),
    note: "",
  }));
  await checkRecordings(ctx, items);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    let playlistId = existingId;
    if (!playlistId) {
      const [created] = await tx
        .insert(playlists)
        .values({
          title: input.newPlaylist?.title ?? "",
          unitId: newUnitId ?? "",
          createdBy: ctx.auth.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: playlists.id });
      if (!created) throw new Error("insert returned nothing");
      playlistId = created.id;
      await audit(tx, ctx, {
        action: "playlist.create",
        outcome: "success",
        targetType: "playlist",
        targetId: playlistId,
        details: { unitId: newUnitId },
      });
    }
    // Serialises concurrent editors of the same playlist, as setItems does.
    const [locked] = await tx
      .select({ status: playlists.status })
      .from(playlists)
      .where(eq(playlists.id, playlistId))
      .for("update");
    const current = await tx.select().from(playlistItems).where(eq(playlistItems.playlistId, playlistId));
    const present = new Set(current.flatMap((item) => (item.recordingId ? [item.recordingId] : [])));
    const fresh = items.filter((item) => item.recordingId && !present.has(item.recordingId));
    if (current.length + fresh.length > input.maxItems) {
      throw validationError(
        "recordingIds",
        `A playlist holds at most ${input.maxItems} items`,
        undefined,
        "validation.too_big",
      );
    }
    const start = current.reduce((max, item) => Math.max(max, item.position + 1), 0);
    if (fresh.length > 0) {
      await tx.insert(playlistItems).values(
        fresh.map((item, index) => ({
          playlistId: playlistId ?? "",
          position: start + index,
          recordingId: item.recordingId,
          clipStartMs: item.clipStartMs,
          clipEndMs: item.clipEndMs,
          note: item.note,
          createdAt: now,
        })),
      );
    }
    await tx.update(playlists).set({ updatedAt: now }).where(eq(playlists.id, playlistId));
    if (locked?.status === "published") {
      await refreshRetention(
        tx,
        fresh.flatMap((item) => (item.recordingId ? [item.recordingId] : [])),
        now,
      );
    }
    await audit(tx, ctx, {
      action: "playlist.add_recordings",
      outcome: "success",
      targetType: "playlist",
      targetId: playlistId,
      details: {
        added: fresh.length,
        alreadyThere: items.length - fresh.length,
        itemCount: current.length + fresh.length,
        recordingIds: fresh.map((item) => item.recordingId),
      },
    });
    return { playlistId, added: fresh.length, alreadyThere: items.length - fresh.length };
  });
  return {
    playlist: await loadPlaylistDetail(ctx.db, result.playlistId),
    added: result.added,
    alreadyThere: result.alreadyThere,
  };
}
