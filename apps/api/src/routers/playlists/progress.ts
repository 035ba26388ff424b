import { playlistProgress } from "../../services/playlists/progress.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistId } from "./schemas.js";

export const playlistProgressProcedure = requirePermission("progress.read")
  .input(PlaylistId)
  .query(({ ctx, input }) => playlistProgress({ ctx, input }));
