import { DomainError } from "../errors/index.js";
import { type FormContent, formCriteria } from "./evaluation-form.js";

/**
 * A moment links to a criterion only of the form version its evaluation was answered with; a moment
 * outside an evaluation has no form, so it links to none.
 */
export function assertMomentCriterion(
  form: FormContent | null,
  criterionKey: string | null,
  field = "criterionKey",
): void {
  if (criterionKey === null) return;
  if (form === null) {
    throw new DomainError("VALIDATION", "Only a moment of an evaluation links to a criterion", {
      field,
      reason: "quality.moment_criterion_without_evaluation",
    });
  }
  if (!formCriteria(form).some((criterion) => criterion.key === criterionKey)) {
    throw new DomainError("VALIDATION", "Not a criterion of this form version", {
      field,
      reason: "quality.unknown_criterion",
    });
  }
}

/** Where a point moment's clip ends: long enough to hear what was said at that moment. */
export const POINT_MOMENT_CLIP_MS = 15_000;

/**
 * The clip that plays a moment: its range, or for a point the following seconds (cut at the call's end).
 * Null when the moment sits at the very end of the call and no clip of positive length fits.
 */
export function momentClip(
  moment: { startMs: number; endMs: number | null },
  durationMs: number,
): { clipStartMs: number; clipEndMs: number } | null {
  const end = Math.min(durationMs, moment.endMs ?? moment.startMs + POINT_MOMENT_CLIP_MS);
  if (end > moment.startMs) return { clipStartMs: moment.startMs, clipEndMs: end };
  // A range of zero length, or a point at the end: play the seconds leading up to it.
  const start = Math.max(0, end - POINT_MOMENT_CLIP_MS);
  return end > start ? { clipStartMs: start, clipEndMs: end } : null;
}

/** Below this share of a criterion's points the answer is weak: coaching is offered from it. */
export const WEAK_ANSWER_FRACTION = 0.6;

/** The criteria answered weakly (N/A is never weak), in the order they were answered. */
export const weakCriterionKeys = (answers: readonly { criterionKey: string; fraction: number | null }[]) =>
  answers
    .filter((answer) => answer.fraction !== null && answer.fraction < WEAK_ANSWER_FRACTION)
    .map((answer) => answer.criterionKey);
