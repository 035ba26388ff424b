import { z } from "zod";
import { deletePlaylist } from "../../services/playlists/delete.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const DeletePlaylistInput = PlaylistId.extend({
  /** Needed when the playlist is published or someone has progress on it. */
  confirm: z.boolean().default(false),
});

export const deletePlaylistProcedure = requirePermission("playlist.delete")
  .input(DeletePlaylistInput)
  .mutation(({ ctx, input }) => deletePlaylist({ ctx, input }));
