import { listeningProgress, playlistItems, playlists } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { eq, sql } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { recordingIdsOf, refreshRetention } from "./refresh-retention.js";

export interface DeletePlaylistInput {
  playlistId: string;
  confirm: boolean;
}

/**
 * A draft nobody has listened to is deleted at once; a published playlist, or one with listeners'
 * progress, only with `confirm: true` because the progress goes with it.
 */
export async function deletePlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: DeletePlaylistInput;
}): Promise<{ deleted: true; playlistId: string }> {
  const playlist = await loadPlaylistInScope(ctx, "playlist.delete", input.playlistId);
  const [progress] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(listeningProgress)
    .innerJoin(playlistItems, eq(playlistItems.id, listeningProgress.playlistItemId))
    .where(eq(playlistItems.playlistId, playlist.id));
  const progressRows = progress?.count ?? 0;
  if ((playlist.status === "published" || progressRows > 0) && !input.confirm) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "This playlist is published or has listeners' progress: confirm to delete it with its progress",
      { field: "confirm", reason: "playlist.delete_needs_confirmation", details: { progressRows } },
    );
  }
  await ctx.db.transaction(async (tx) => {
    const recordingIds = await recordingIdsOf(tx, playlist.id);
    await tx.delete(playlists).where(eq(playlists.id, playlist.id));
    if (playlist.status === "published") await refreshRetention(tx, recordingIds, ctx.clock.now());
    await audit(tx, ctx, {
      action: "playlist.delete",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: { status: playlist.status, unitId: playlist.unitId, progressRows },
    });
  });
  return { deleted: true, playlistId: playlist.id };
}
