import { assignPlaylist } from "../../services/playlists/assign.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AssignmentTargets } from "./schemas.js";

export const assignPlaylistProcedure = requirePermission("playlist.assign")
  .input(AssignmentTargets)
  .mutation(({ ctx, input }) => assignPlaylist({ ctx, input }));
