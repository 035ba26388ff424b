import { ledCalibrations, myCalibrations } from "../../services/quality/calibration-lists.js";
import { findCalibrationReviewers } from "../../services/quality/calibration-reviewers.js";
import {
  calibrationResult,
  createCalibration,
  submitCalibration,
} from "../../services/quality/calibrations.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import {
  CalibrationId,
  CreateCalibrationInput,
  FindCalibrationReviewersInput,
  SubmitCalibrationInput,
} from "./schemas.js";

export const qualityCalibrationsRouter = router({
  create: qualityProcedure("evaluation.calibrate")
    .input(CreateCalibrationInput)
    .mutation(({ ctx, input }) => createCalibration({ ctx, input })),
  reviewers: qualityProcedure("evaluation.calibrate")
    .input(FindCalibrationReviewersInput)
    .query(({ ctx, input }) => findCalibrationReviewers({ ctx, input })),
  led: qualityProcedure("evaluation.calibrate").query(({ ctx }) => ledCalibrations({ ctx })),
  mine: qualityProcedure("evaluation.create").query(({ ctx }) => myCalibrations({ ctx })),
  submit: qualityProcedure("evaluation.create")
    .input(SubmitCalibrationInput)
    .mutation(({ ctx, input }) => submitCalibration({ ctx, input })),
  spread: qualityProcedure("evaluation.calibrate")
    .input(CalibrationId)
    .query(({ ctx, input }) => calibrationResult({ ctx, input })),
});
