import { criterionKeySchema } from "@kuulo/domain/quality";
import { z } from "zod";
import { startCoaching } from "../../services/quality/start-coaching.js";
import { router } from "../../trpc/init.js";
import { PlaylistTitle } from "../playlists/schemas.js";
import { qualityProcedure } from "./quality-procedure.js";

export const StartCoachingInput = z.object({
  evaluationId: z.uuid("Not an evaluation id"),
  criterionKey: criterionKeySchema,
  title: PlaylistTitle,
});

/** Coaching from a weak criterion: only people who curate playlists start one. */
export const qualityCoachingRouter = router({
  start: qualityProcedure("playlist.create")
    .input(StartCoachingInput)
    .mutation(({ ctx, input }) => startCoaching({ ctx, input })),
});
