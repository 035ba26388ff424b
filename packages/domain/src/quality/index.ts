export { type CalibrationSpread, type CriterionSpread, calibrationSpread } from "./calibration-spread.js";
export {
  assertMayDispute,
  assertMayResolveDispute,
  DISPUTE_DECISIONS,
  DISPUTE_STATUSES,
  type DisputeDecision,
  type DisputeStatus,
} from "./disputes.js";
export {
  ANSWER_TYPES,
  type Answer,
  type AnswerType,
  type AnswerValue,
  answerSchema,
  answerValueSchema,
  type Criterion,
  criterionKeySchema,
  criterionSchema,
  type FormContent,
  type FormContentInput,
  type FormSection,
  formContentSchema,
  formCriteria,
  formSectionSchema,
} from "./evaluation-form.js";
export {
  assertFormVersionUsable,
  FORM_VERSION_EVENTS,
  FORM_VERSION_STATUSES,
  type FormVersionEvent,
  type FormVersionOutcome,
  type FormVersionStatus,
  formVersionTransition,
} from "./form-versions.js";
export {
  assertMomentCriterion,
  momentClip,
  POINT_MOMENT_CLIP_MS,
  WEAK_ANSWER_FRACTION,
  weakCriterionKeys,
} from "./moment-links.js";
export {
  assertMomentWithinCall,
  disputeReasonSchema,
  MOMENT_KINDS,
  type MomentInput,
  type MomentKind,
  momentInputSchema,
  replyTextSchema,
} from "./moments.js";
export {
  QUALITY_COOPERATION_PROCEDURE,
  QUALITY_DATA_CATEGORY,
  QUALITY_EMPLOYEE_RIGHTS,
  QUALITY_LEGAL_BASIS,
  QUALITY_PURPOSE,
  qualityRetentionText,
} from "./quality-register-texts.js";
export {
  DEFAULT_QUALITY_SETTINGS,
  MAX_QUALITY_RETENTION_DAYS,
  MIN_QUALITY_RETENTION_DAYS,
  QUALITY_DISABLED_REASON,
  type QualitySettings,
  qualitySettingsSchema,
} from "./quality-settings.js";
export { type SamplingPeriod, type SamplingRule, samplingPeriod, samplingRuleSchema } from "./sampling.js";
export { type CriterionScore, type EvaluationScore, scoreEvaluation } from "./score-evaluation.js";
