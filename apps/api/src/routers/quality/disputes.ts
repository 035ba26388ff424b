import { listOpenDisputes, raiseDispute, resolveDispute } from "../../services/quality/disputes.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { RaiseDisputeInput, ResolveDisputeInput } from "./schemas.js";

export const qualityDisputesRouter = router({
  raise: qualityProcedure("evaluation.dispute")
    .input(RaiseDisputeInput)
    .mutation(({ ctx, input }) => raiseDispute({ ctx, input })),
  open: qualityProcedure("evaluation.resolve").query(({ ctx }) => listOpenDisputes({ ctx })),
  resolve: qualityProcedure("evaluation.resolve")
    .input(ResolveDisputeInput)
    .mutation(({ ctx, input }) => resolveDispute({ ctx, input })),
});
