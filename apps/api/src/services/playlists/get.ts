import type { AuthedContext } from "../shared/service-context.js";
import { loadPlaylistInScope } from "./load-playlist.js";
import { loadPlaylistDetail, type PlaylistDetail } from "./playlist-view.js";

/** A playlist of the trainer's units with its items and assignments (the editor's view). */
export async function getPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string };
}): Promise<PlaylistDetail> {
  const playlist = await loadPlaylistInScope(ctx, "playlist.read", input.playlistId);
  return loadPlaylistDetail(ctx.db, playlist.id);
}
