import { z } from "zod";
import { DomainError } from "../errors/index.js";

export const RETENTION_CATEGORIES = ["ordinary", "training", "legal_hold"] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export const MIN_RETENTION_DAYS = 1;
/** Ten years: beyond any limitation period a call recording could be evidence for. */
export const MAX_RETENTION_DAYS = 3653;

const days = z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

/** Days from the call's start after which a recording is purged (R13). Legal hold has no period. */
export const retentionPolicySchema = z.strictObject({ ordinaryDays: days, trainingDays: days });
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

/**
 * Defaults (the 2011 text sets no period, so these are the product's documented choice):
 * - ordinary 365 days: a year covers annual quality reviews and seasonal sales cycles, after which a
 *   recording nobody chose for training has served its purpose (GDPR Art. 5(1)(e) storage limitation);
 * - training 3 years (1096 days): a recording picked into a published playlist is reused in
 *   onboarding; three years matches a typical training-material review cycle.
 */
export const DEFAULT_RETENTION_POLICY: RetentionPolicy = Object.freeze({
  ordinaryDays: 365,
  trainingDays: 1096,
});

/** Validates a configured policy; a training period shorter than the ordinary one is refused. */
export const parseRetentionPolicy = (input: unknown): RetentionPolicy => {
  const result = retentionPolicySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "retention";
    throw new DomainError(
      "VALIDATION",
      `Retention policy field "${field}" is invalid: ${issue?.message ?? "not an object"} (periods are whole days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}) (R13)`,
      {
        field: `retention.${field}`.replace(/^retention\.retention$/, "retention"),
        rule: "R13",
        reason: "retention.invalid",
      },
    );
  }
  if (result.data.trainingDays < result.data.ordinaryDays) {
    throw new DomainError(
      "VALIDATION",
      'Retention policy field "trainingDays" must not be shorter than ordinaryDays: training use never shortens retention (R13)',
      { field: "retention.trainingDays", rule: "R13", reason: "retention.training_shorter" },
    );
  }
  return result.data;
};
