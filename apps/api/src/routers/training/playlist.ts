import { z } from "zod";
import { trainingPlaylist } from "../../services/training/playlist.js";
import { requirePermission } from "../../trpc/procedures.js";

export const TrainingPlaylistInput = z.object({ playlistId: z.uuid("Not a playlist id") });

export const trainingPlaylistProcedure = requirePermission("playlist.read")
  .input(TrainingPlaylistInput)
  .query(({ ctx, input }) => trainingPlaylist({ ctx, input }));
