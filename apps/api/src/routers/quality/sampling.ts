import { listSamplingRules, samplingQueue, setSamplingRule } from "../../services/quality/sampling.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { QueueInput, SetSamplingRuleInput } from "./schemas.js";

export const qualitySamplingRouter = router({
  rules: qualityProcedure("evaluation.sample").query(({ ctx }) => listSamplingRules({ ctx })),
  setRule: qualityProcedure("evaluation.sample")
    .input(SetSamplingRuleInput)
    .mutation(({ ctx, input }) => setSamplingRule({ ctx, input })),
  queue: qualityProcedure("evaluation.create")
    .input(QueueInput)
    .query(({ ctx, input }) => samplingQueue({ ctx, input })),
});
