import type { AnswerValue, FormContent } from "@kuulo/domain/quality";
import { useTranslation } from "react-i18next";
import { answerLabel } from "./answer-label.js";
import { type LinkedMoment, LinkedMoments } from "./linked-moments.js";

export type AnswerMap = Record<string, AnswerValue | undefined>;

/**
 * The form's criteria as radio groups (yes/no or 1–5, and N/A where allowed), with the guidance and the
 * moments of the call linked to each criterion.
 */
export function AnswersEditor({
  form,
  answers,
  onChange,
  idPrefix,
  moments = [],
}: {
  form: FormContent;
  answers: AnswerMap;
  onChange: (next: AnswerMap) => void;
  idPrefix: string;
  moments?: readonly LinkedMoment[];
}) {
  const { t } = useTranslation();
  return (
    <div className="stack answers-editor">
      {form.sections.map((section) => (
        <fieldset key={section.key} className="card">
          <legend>{section.title}</legend>
          {section.criteria.map((criterion) => {
            const options: AnswerValue[] = [
              ...(criterion.answerType === "yes_no" ? (["yes", "no"] as const) : ([1, 2, 3, 4, 5] as const)),
              ...(criterion.allowNa ? (["na"] as const) : []),
            ];
            const name = `${idPrefix}-${criterion.key}`;
            return (
              <fieldset key={criterion.key} className="criterion">
                <legend>
                  {criterion.title}
                  {criterion.critical ? ` (${t("quality.criticalShort")})` : null}
                </legend>
                {criterion.guidance ? <p className="muted">{criterion.guidance}</p> : null}
                <div className="row">
                  {options.map((value) => (
                    <label key={String(value)} className="radio">
                      <input
                        type="radio"
                        name={name}
                        checked={answers[criterion.key] === value}
                        onChange={() => onChange({ ...answers, [criterion.key]: value })}
                      />{" "}
                      {answerLabel(t, value)}
                    </label>
                  ))}
                </div>
                <LinkedMoments
                  moments={moments}
                  criterionKey={criterion.key}
                  criterionTitle={criterion.title}
                />
              </fieldset>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}

export const toAnswerList = (answers: AnswerMap) =>
  Object.entries(answers)
    .filter((entry): entry is [string, AnswerValue] => entry[1] !== undefined)
    .map(([criterionKey, value]) => ({ criterionKey, value }));
