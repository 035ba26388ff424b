import { unassignPlaylist } from "../../services/playlists/unassign.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AssignmentTargets } from "./schemas.js";

export const unassignPlaylistProcedure = requirePermission("playlist.assign")
  .input(AssignmentTargets)
  .mutation(({ ctx, input }) => unassignPlaylist({ ctx, input }));
