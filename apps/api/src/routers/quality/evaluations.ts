import {
  acknowledgeEvaluation,
  createEvaluation,
  evaluationsOfRecording,
  getEvaluation,
} from "../../services/quality/evaluations.js";
import { listEvaluations } from "../../services/quality/reports.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { CreateEvaluationInput, EvaluationId, ListEvaluationsInput, RecordingId } from "./schemas.js";

export const qualityEvaluationsRouter = router({
  create: qualityProcedure("evaluation.create")
    .input(CreateEvaluationInput)
    .mutation(({ ctx, input }) => createEvaluation({ ctx, input })),
  get: qualityProcedure("evaluation.read")
    .input(EvaluationId)
    .query(({ ctx, input }) => getEvaluation({ ctx, input })),
  forRecording: qualityProcedure("evaluation.read")
    .input(RecordingId)
    .query(({ ctx, input }) => evaluationsOfRecording({ ctx, input })),
  list: qualityProcedure("evaluation.read")
    .input(ListEvaluationsInput)
    .query(({ ctx, input }) => listEvaluations({ ctx, input })),
  acknowledge: qualityProcedure("evaluation.respond")
    .input(EvaluationId)
    .mutation(({ ctx, input }) => acknowledgeEvaluation({ ctx, input })),
});
