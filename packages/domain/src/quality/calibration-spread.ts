import type { AnswerValue, FormContent } from "./evaluation-form.js";
import { formCriteria } from "./evaluation-form.js";
import { scoreEvaluation } from "./score-evaluation.js";

export interface CriterionSpread {
  criterionKey: string;
  /** Each reviewer's answer, in the order given (N/A included). */
  answers: AnswerValue[];
  /** Over scored answers as 0–100: lowest, highest, highest − lowest, mean. Null if all N/A. */
  min: number | null;
  max: number | null;
  range: number | null;
  mean: number | null;
  /** Everyone gave the same answer. */
  agreed: boolean;
}

export interface CalibrationSpread {
  reviewers: number;
  scores: (number | null)[];
  scoreRange: number | null;
  criteria: CriterionSpread[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** How far calibrating reviewers' answers on one call lie apart, per criterion and in total. */
export const calibrationSpread = (
  form: FormContent,
  evaluations: readonly { answers: readonly { criterionKey: string; value: AnswerValue }[] }[],
): CalibrationSpread => {
  const scored = evaluations.map((evaluation) => scoreEvaluation(form, evaluation.answers));
  const criteria = formCriteria(form).map((criterion): CriterionSpread => {
    const answers = evaluations.map(
      (evaluation) => evaluation.answers.find((a) => a.criterionKey === criterion.key)?.value ?? "na",
    );
    const fractions = scored
      .map((s) => s.criteria.find((c) => c.criterionKey === criterion.key)?.fraction ?? null)
      .filter((f): f is number => f !== null)
      .map((f) => f * 100);
    const min = fractions.length ? Math.min(...fractions) : null;
    const max = fractions.length ? Math.max(...fractions) : null;
    return {
      criterionKey: criterion.key,
      answers,
      min,
      max,
      range: min === null || max === null ? null : max - min,
      mean: fractions.length ? round1(fractions.reduce((a, b) => a + b, 0) / fractions.length) : null,
      agreed: answers.every((answer) => answer === answers[0]),
    };
  });
  const scores = scored.map((s) => s.score);
  const numeric = scores.filter((s): s is number => s !== null);
  return {
    reviewers: evaluations.length,
    scores,
    scoreRange: numeric.length ? round1(Math.max(...numeric) - Math.min(...numeric)) : null,
    criteria,
  };
};
