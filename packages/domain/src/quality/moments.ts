import { z } from "zod";
import { DomainError } from "../errors/index.js";
import { freeText } from "../privacy/index.js";
import { criterionKeySchema } from "./evaluation-form.js";

export const MOMENT_KINDS = ["praise", "improve", "question"] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

/** Feedback at a point (endMs null) or a range of a call. Text goes through the R4 guard. */
export const momentInputSchema = z.strictObject({
  kind: z.enum(MOMENT_KINDS),
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0).nullable().default(null),
  text: freeText({ max: 2000 }),
  /** Links the moment to a criterion of the evaluation's form (optional). */
  criterionKey: criterionKeySchema.nullable().default(null),
});
export type MomentInput = z.infer<typeof momentInputSchema>;

export const replyTextSchema = freeText({ max: 2000 });
export const disputeReasonSchema = freeText({ max: 2000 });

/** A moment lies inside the call: 0 ≤ start ≤ end ≤ duration. */
export const assertMomentWithinCall = (
  moment: { startMs: number; endMs: number | null },
  durationMs: number,
) => {
  const end = moment.endMs ?? moment.startMs;
  if (moment.endMs !== null && moment.endMs < moment.startMs) {
    throw new DomainError("VALIDATION", "A moment's end is before its start", {
      field: "endMs",
      reason: "quality.moment_range",
    });
  }
  if (end > durationMs) {
    throw new DomainError("VALIDATION", "A moment lies beyond the end of the call", {
      field: moment.endMs === null ? "startMs" : "endMs",
      reason: "quality.moment_beyond_call",
    });
  }
};
