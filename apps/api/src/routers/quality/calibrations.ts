import {
  calibrationResult,
  createCalibration,
  myCalibrations,
  submitCalibration,
} from "../../services/quality/calibrations.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { CalibrationId, CreateCalibrationInput, SubmitCalibrationInput } from "./schemas.js";

export const qualityCalibrationsRouter = router({
  create: qualityProcedure("evaluation.calibrate")
    .input(CreateCalibrationInput)
    .mutation(({ ctx, input }) => createCalibration({ ctx, input })),
  mine: qualityProcedure("evaluation.create").query(({ ctx }) => myCalibrations({ ctx })),
  submit: qualityProcedure("evaluation.create")
    .input(SubmitCalibrationInput)
    .mutation(({ ctx, input }) => submitCalibration({ ctx, input })),
  spread: qualityProcedure("evaluation.calibrate")
    .input(CalibrationId)
    .query(({ ctx, input }) => calibrationResult({ ctx, input })),
});
