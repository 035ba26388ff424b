import { z } from "zod";
import { recordProgress } from "../../services/training/record-progress.js";
import { requirePermission } from "../../trpc/procedures.js";

/** A stretch the player actually played, in milliseconds of the recording (not of the clip). */
export const PlayedIntervalInput = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([from, to]) => from <= to, { message: "fromMs must not be after toMs" });

export const RecordProgressInput = z.object({
  playlistItemId: z.uuid("Not a playlist item id"),
  intervals: z.array(PlayedIntervalInput).max(100).default([]),
  /** The player's current position (resume point), milliseconds of the recording. */
  positionMs: z.number().int().min(0),
});

export const recordProgressProcedure = requirePermission("progress.update")
  .input(RecordProgressInput)
  .mutation(({ ctx, input }) => recordProgress({ ctx, input }));
