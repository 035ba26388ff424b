import type { StoredAnswer } from "@kuulo/db/schema";
import { type Answer, type FormContent, scoreEvaluation } from "@kuulo/domain/quality";

/** The domain's score of the answers, and the answers as stored (each with its scored fraction). */
export function scoreAnswers(content: FormContent, answers: readonly Answer[]) {
  const result = scoreEvaluation(content, answers);
  const stored: StoredAnswer[] = answers.map((answer) => ({
    criterionKey: answer.criterionKey,
    value: answer.value,
    fraction: result.criteria.find((c) => c.criterionKey === answer.criterionKey)?.fraction ?? null,
    ...(answer.comment ? { comment: answer.comment } : {}),
  }));
  return { result, stored };
}
