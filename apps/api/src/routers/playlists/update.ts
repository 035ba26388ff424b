import { updatePlaylist } from "../../services/playlists/update.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistDescription, PlaylistId, PlaylistTitle } from "./schemas.js";

export const UpdatePlaylistInput = PlaylistId.extend({
  title: PlaylistTitle.optional(),
  description: PlaylistDescription.optional(),
});

export const updatePlaylistProcedure = requirePermission("playlist.update")
  .input(UpdatePlaylistInput)
  .mutation(({ ctx, input }) => updatePlaylist({ ctx, input }));
