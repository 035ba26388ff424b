import { playlistItems, playlists } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, isNotNull } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";
import { recordingIdsOf, refreshRetention } from "./refresh-retention.js";

/** Makes the playlist visible to its assignees. Publishing again changes nothing (and writes nothing). */
export async function publishPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string };
}): Promise<PlaylistDetail> {
  const playlist = await loadPlaylistInScope(ctx, "playlist.publish", input.playlistId);
  if (playlist.status === "published") return loadPlaylistDetail(ctx.db, playlist.id);
  const [playable] = await ctx.db
    .select({ id: playlistItems.id })
    .from(playlistItems)
    .where(and(eq(playlistItems.playlistId, playlist.id), isNotNull(playlistItems.recordingId)))
    .limit(1);
  if (!playable) {
    throw new DomainError("PRECONDITION_FAILED", "Add at least one recording before publishing", {
      reason: "playlist.empty",
    });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(playlists)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(eq(playlists.id, playlist.id));
    await refreshRetention(tx, await recordingIdsOf(tx, playlist.id), now);
    await audit(tx, ctx, {
      action: "playlist.publish",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
