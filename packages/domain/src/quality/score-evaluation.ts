import { DomainError } from "../errors/index.js";
import { type AnswerValue, type Criterion, type FormContent, formCriteria } from "./evaluation-form.js";

export interface CriterionScore {
  criterionKey: string;
  /** 0–1, or null when answered N/A. */
  fraction: number | null;
  weight: number;
}

export interface EvaluationScore {
  /** 0–100 with one decimal; 0 when a critical criterion failed; null when nothing scored was answered. */
  score: number | null;
  /** The weighted score before critical failures, so a dispute can see what the answers alone gave. */
  rawScore: number | null;
  passed: boolean | null;
  criticalFailures: string[];
  criteria: CriterionScore[];
}

const refuse = (field: string, reason: string, message: string) =>
  new DomainError("VALIDATION", message, { field, reason });

const fractionOf = (criterion: Criterion, value: AnswerValue, field: string): number | null => {
  if (value === "na") {
    if (!criterion.allowNa) throw refuse(field, "quality.na_not_allowed", `"${criterion.key}" cannot be N/A`);
    return null;
  }
  if (criterion.answerType === "yes_no") {
    if (value !== "yes" && value !== "no") {
      throw refuse(field, "quality.answer_type", `"${criterion.key}" is answered yes or no`);
    }
    return value === "yes" ? 1 : 0;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) {
    throw refuse(field, "quality.answer_type", `"${criterion.key}" is answered on a scale of 1–5`);
  }
  return (value - 1) / 4;
};

const round1 = (value: number) => Math.round(value * 1000) / 10;

/**
 * The one scoring rule: every criterion answered exactly once; weighted mean of the answered criteria
 * (N/A excluded from both numerator and weight); a "no" on a critical criterion makes the score 0 and
 * the evaluation failed; pass when the score reaches the form's pass mark.
 */
export const scoreEvaluation = (
  form: FormContent,
  answers: readonly { criterionKey: string; value: AnswerValue }[],
): EvaluationScore => {
  const criteria = formCriteria(form);
  const byKey = new Map(criteria.map((criterion) => [criterion.key, criterion]));
  const given = new Map<string, AnswerValue>();
  answers.forEach((answer, index) => {
    const field = `answers.${index}`;
    if (!byKey.has(answer.criterionKey)) {
      throw refuse(
        `${field}.criterionKey`,
        "quality.unknown_criterion",
        "not a criterion of this form version",
      );
    }
    if (given.has(answer.criterionKey)) {
      throw refuse(`${field}.criterionKey`, "quality.duplicate_answer", "a criterion is answered once");
    }
    given.set(answer.criterionKey, answer.value);
  });
  let weighted = 0;
  let weightSum = 0;
  const criticalFailures: string[] = [];
  const scored = criteria.map((criterion): CriterionScore => {
    const value = given.get(criterion.key);
    if (value === undefined) {
      throw refuse("answers", "quality.unanswered", `"${criterion.key}" is not answered`);
    }
    const fraction = fractionOf(criterion, value, `answers.${criterion.key}`);
    if (fraction !== null && criterion.weight > 0) {
      weighted += fraction * criterion.weight;
      weightSum += criterion.weight;
    }
    if (criterion.critical && fraction === 0) criticalFailures.push(criterion.key);
    return { criterionKey: criterion.key, fraction, weight: criterion.weight };
  });
  const rawScore = weightSum > 0 ? round1(weighted / weightSum) : null;
  const failedCritically = criticalFailures.length > 0;
  const score = failedCritically ? 0 : rawScore;
  const passed = failedCritically ? false : rawScore === null ? null : rawScore >= form.passMark;
  return { score, rawScore, passed, criticalFailures, criteria: scored };
};
