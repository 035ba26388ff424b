import { playlists } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";
import { recordingIdsOf, refreshRetention } from "./refresh-retention.js";

/** Hides the playlist from its assignees (their progress is kept for when it returns). Idempotent. */
export async function unpublishPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string };
}): Promise<PlaylistDetail> {
  const playlist = await loadPlaylistInScope(ctx, "playlist.publish", input.playlistId);
  if (playlist.status === "draft") return loadPlaylistDetail(ctx.db, playlist.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(playlists)
      .set({ status: "draft", publishedAt: null, updatedAt: now })
      .where(eq(playlists.id, playlist.id));
    await refreshRetention(tx, await recordingIdsOf(tx, playlist.id), now);
    await audit(tx, ctx, {
      action: "playlist.unpublish",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
