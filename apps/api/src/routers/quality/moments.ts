import { acknowledgeMoment, createMoment, replyToMoment } from "../../services/quality/moments.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { CreateMomentInput, MomentId, ReplyInput } from "./schemas.js";

export const qualityMomentsRouter = router({
  create: qualityProcedure("evaluation.create")
    .input(CreateMomentInput)
    .mutation(({ ctx, input }) => createMoment({ ctx, input })),
  reply: qualityProcedure("evaluation.respond")
    .input(ReplyInput)
    .mutation(({ ctx, input }) => replyToMoment({ ctx, input })),
  acknowledge: qualityProcedure("evaluation.respond")
    .input(MomentId)
    .mutation(({ ctx, input }) => acknowledgeMoment({ ctx, input })),
});
