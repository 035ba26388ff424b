import { publishPlaylist } from "../../services/playlists/publish.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const publishPlaylistProcedure = requirePermission("playlist.publish")
  .input(PlaylistId)
  .mutation(({ ctx, input }) => publishPlaylist({ ctx, input }));
