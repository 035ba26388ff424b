import { freeText } from "@kuulo/domain/privacy";
import {
  answerSchema,
  DISPUTE_DECISIONS,
  disputeReasonSchema,
  formContentSchema,
  momentInputSchema,
  replyTextSchema,
} from "@kuulo/domain/quality";
import { z } from "zod";

// Every free text here is the domain's R4-guarded zod string: customer data is refused naming the field.
export const FormId = z.object({ formId: z.uuid("Not a form id") });
export const FormVersionId = z.object({ versionId: z.uuid("Not a form version id") });
export const CreateFormInput = z.object({ content: formContentSchema });
export const SaveDraftInput = FormId.extend({ content: formContentSchema });

export const Summary = freeText({ min: 0, max: 4000 }).default("");
export const Answers = z.array(answerSchema).min(1).max(500);
export const EvaluationId = z.object({ evaluationId: z.uuid("Not an evaluation id") });
export const RecordingId = z.object({ recordingId: z.uuid("Not a recording id") });
export const CreateEvaluationInput = z.object({
  recordingId: z.uuid("Not a recording id"),
  formVersionId: z.uuid("Not a form version id"),
  answers: Answers,
  summary: Summary,
  moments: z.array(momentInputSchema).max(100).default([]),
});

export const CreateMomentInput = momentInputSchema.extend({
  recordingId: z.uuid("Not a recording id"),
  evaluationId: z.uuid("Not an evaluation id").nullable().default(null),
});
export const MomentId = z.object({ momentId: z.uuid("Not a moment id") });
export const ReplyInput = MomentId.extend({ text: replyTextSchema });

export const RaiseDisputeInput = EvaluationId.extend({ reason: disputeReasonSchema });
export const ResolveDisputeInput = z.object({
  disputeId: z.uuid("Not a dispute id"),
  decision: z.enum(DISPUTE_DECISIONS),
  resolution: freeText({ max: 2000 }),
  answers: Answers.optional(),
});

export const CreateCalibrationInput = z.object({
  recordingId: z.uuid("Not a recording id"),
  formVersionId: z.uuid("Not a form version id"),
  reviewerUserIds: z.array(z.uuid("Not a user id")).min(2).max(20),
});
export const CalibrationId = z.object({ calibrationId: z.uuid("Not a calibration id") });
export const FindCalibrationReviewersInput = z.object({
  recordingId: z.uuid("Not a recording id"),
  search: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const SubmitCalibrationInput = CalibrationId.extend({ answers: Answers, summary: Summary });

export const SetSamplingRuleInput = z.object({
  unitId: z.uuid("Not a unit id"),
  perEmployeePerMonth: z.number().int().min(1).max(50).nullable(),
});
export const QueueInput = z.object({
  unitId: z.uuid("Not a unit id").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const Months = z.number().int().min(1).max(36).default(12);
export const UnitReportInput = z.object({
  unitId: z.uuid("Not a unit id"),
  months: Months,
  reviewerCursor: z.string().max(64).optional(),
  reviewerLimit: z.number().int().min(1).max(100).default(20),
});
export const EmployeeReportInput = z
  .object({ staffMemberId: z.uuid("Not a person id").optional(), months: Months })
  .default({ months: 12 });
export const ListEvaluationsInput = z
  .object({
    staffMemberId: z.uuid("Not a person id").optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .default({ limit: 25 });
