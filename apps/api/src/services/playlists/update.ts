import { playlists } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";

export interface UpdatePlaylistInput {
  playlistId: string;
  title?: string | undefined;
  description?: string | undefined;
}

export async function updatePlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UpdatePlaylistInput;
}): Promise<PlaylistDetail> {
  const playlist = await loadPlaylistInScope(ctx, "playlist.update", input.playlistId);
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(playlists)
      .set({ ...changes, updatedAt: ctx.clock.now() })
      .where(eq(playlists.id, playlist.id));
    await audit(tx, ctx, {
      action: "playlist.update",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: { fields: Object.keys(changes) },
    });
  });
  return loadPlaylistDetail(ctx.db, playlist.id);
}
