import { ANSWER_TYPES, type AnswerType } from "@kuulo/domain/quality";
import { FormError, readDomainError, SelectField, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";

interface CriterionDraft {
  title: string;
  guidance: string;
  answerType: AnswerType;
  weight: string;
  allowNa: boolean;
  critical: boolean;
}
interface SectionDraft {
  title: string;
  criteria: CriterionDraft[];
}

const blankCriterion = (): CriterionDraft => ({
  title: "",
  guidance: "",
  answerType: "yes_no",
  weight: "10",
  allowNa: false,
  critical: false,
});

/**
 * Builds a new form as a draft: sections, criteria with guidance, answer type, weight, N/A and critical.
 * Keys are derived from positions (people never type ids); the API and domain validate the rest.
 */
export function FormBuilder({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const [name, setName] = useState("");
  const [passMark, setPassMark] = useState("80");
  const [sections, setSections] = useState<SectionDraft[]>([{ title: "", criteria: [blankCriterion()] }]);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.quality.forms.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.quality.forms.pathKey() });
        onDone();
      },
      onError: (failure) => {
        const domain = readDomainError(failure);
        setError(domain ? describe(domain) : t("quality.saveFailed"));
      },
    }),
  );
  const setSection = (index: number, change: Partial<SectionDraft>) =>
    setSections((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const setCriterion = (s: number, c: number, change: Partial<CriterionDraft>) =>
    setSections((all) =>
      all.map((section, i) =>
        i === s
          ? {
              ...section,
              criteria: section.criteria.map((item, j) => (j === c ? { ...item, ...change } : item)),
            }
          : section,
      ),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      content: {
        name,
        passMark: Number.parseInt(passMark, 10),
        sections: sections.map((section, s) => ({
          key: `s${s + 1}`,
          title: section.title,
          criteria: section.criteria.map((c, i) => ({
            key: `s${s + 1}_c${i + 1}`,
            title: c.title,
            guidance: c.guidance,
            answerType: c.answerType,
            weight: Number.parseInt(c.weight, 10) || 0,
            allowNa: c.allowNa,
            critical: c.critical && c.answerType === "yes_no",
          })),
        })),
      },
    });
  };
  return (
    <form className="stack form-builder" onSubmit={submit} aria-label={t("quality.newForm")}>
      <TextField
        label={t("quality.formName")}
        value={name}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        label={t("quality.passMark")}
        hint={t("quality.passMarkHint")}
        inputMode="numeric"
        value={passMark}
        onChange={(e) => setPassMark(e.target.value)}
      />
      {sections.map((section, s) => (
        <fieldset key={`section-${s + 1}`} className="card">
          <legend>{t("quality.sectionN", { n: s + 1 })}</legend>
          <TextField
            label={t("quality.sectionTitle", { n: s + 1 })}
            value={section.title}
            required
            onChange={(e) => setSection(s, { title: e.target.value })}
          />
          {section.criteria.map((criterion, c) => (
            <fieldset key={`criterion-${s + 1}-${c + 1}`} className="criterion-editor">
              <legend>{t("quality.criterionN", { section: s + 1, n: c + 1 })}</legend>
              <TextField
                label={t("quality.criterionTitle", { section: s + 1, n: c + 1 })}
                value={criterion.title}
                required
                onChange={(e) => setCriterion(s, c, { title: e.target.value })}
              />
              <TextField
                label={t("quality.guidance")}
                value={criterion.guidance}
                onChange={(e) => setCriterion(s, c, { guidance: e.target.value })}
              />
              <SelectField
                label={t("quality.answerType")}
                value={criterion.answerType}
                onChange={(e) => setCriterion(s, c, { answerType: e.target.value as AnswerType })}
              >
                {ANSWER_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`quality.answerTypes.${type}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("quality.weight")}
                inputMode="numeric"
                value={criterion.weight}
                onChange={(e) => setCriterion(s, c, { weight: e.target.value })}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={criterion.allowNa}
                  onChange={(e) => setCriterion(s, c, { allowNa: e.target.checked })}
                />{" "}
                {t("quality.allowNa")}
              </label>
              {criterion.answerType === "yes_no" ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={criterion.critical}
                    onChange={(e) => setCriterion(s, c, { critical: e.target.checked })}
                  />{" "}
                  {t("quality.critical")}
                </label>
              ) : null}
            </fieldset>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setSection(s, { criteria: [...section.criteria, blankCriterion()] })}
          >
            {t("quality.addCriterion", { n: s + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => setSections((all) => [...all, { title: "", criteria: [blankCriterion()] }])}
      >
        {t("quality.addSection")}
      </button>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t("quality.saveDraft")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("quality.cancel")}
        </button>
      </div>
    </form>
  );
}
