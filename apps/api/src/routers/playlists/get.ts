import { getPlaylist } from "../../services/playlists/get.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const getPlaylistProcedure = requirePermission("playlist.read")
  .input(PlaylistId)
  .query(({ ctx, input }) => getPlaylist({ ctx, input }));
