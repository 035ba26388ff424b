import { unpublishPlaylist } from "../../services/playlists/unpublish.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const unpublishPlaylistProcedure = requirePermission("playlist.publish")
  .input(PlaylistId)
  .mutation(({ ctx, input }) => unpublishPlaylist({ ctx, input }));
