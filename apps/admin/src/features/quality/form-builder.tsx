import { ANSWER_TYPES, type AnswerType, type FormContent } from "@kuulo/domain/quality";
import { FormError, readDomainError, SelectField, TextField, useTRPC } from "@kuulo/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDescribeRefusal } from "../disclosures/describe-refusal.js";
import {
  blankCriterion,
  blankForm,
  blankSection,
  type CriterionDraft,
  contentOf,
  draftOf,
  type FormDraft,
  forgetDraft,
  readStoredDraft,
  type SectionDraft,
  storeDraft,
  swap,
} from "./form-draft.js";

export interface FormBuilderProps {
  /** Editing an existing form: saving makes (or updates) its draft version; published versions never change. */
  edit?: { formId: string; content: FormContent; version: number } | undefined;
  onDone: () => void;
}

/**
 * Builds a form, or the next version of one: sections, criteria with guidance, answer type, weight, N/A
 * and critical. Unsaved work stays in this tab across reloads; the API and domain validate the rest.
 */
export function FormBuilder({ edit, onDone }: FormBuilderProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeRefusal();
  const storageId = edit?.formId ?? "new";
  const [draft, setDraft] = useState<FormDraft>(
    () => readStoredDraft(storageId) ?? (edit ? draftOf(edit.content) : blankForm()),
  );
  const [focus, setFocus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => storeDraft(storageId, draft), [storageId, draft]);
  const mutationHandlers = {
    onSuccess: async () => {
      forgetDraft(storageId);
      await queryClient.invalidateQueries({ queryKey: trpc.quality.forms.pathKey() });
      onDone();
    },
    onError: (failure: unknown) => {
      const domain = readDomainError(failure);
      setError(domain?.reason ? describe(domain) : t("quality.saveFailed"));
    },
  };
  const create = useMutation(trpc.quality.forms.create.mutationOptions(mutationHandlers));
  const save = useMutation(trpc.quality.forms.saveDraft.mutationOptions(mutationHandlers));
  const pending = create.isPending || save.isPending;
  // After adding, moving or removing, focus lands once in the title concerned, never on the page body.
  const focusOnce = (id: string) =>
    focus === id
      ? (element: HTMLInputElement | null) => {
          if (!element) return;
          element.focus();
          setFocus(null);
        }
      : undefined;

  const setSections = (change: (sections: SectionDraft[]) => SectionDraft[]) =>
    setDraft((current) => ({ ...current, sections: change(current.sections) }));
  const setSection = (index: number, change: Partial<SectionDraft>) =>
    setSections((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const setCriteria = (s: number, change: (criteria: CriterionDraft[]) => CriterionDraft[]) =>
    setSections((all) =>
      all.map((section, i) => (i === s ? { ...section, criteria: change(section.criteria) } : section)),
    );
  const setCriterion = (s: number, c: number, change: Partial<CriterionDraft>) =>
    setCriteria(s, (criteria) => criteria.map((item, j) => (j === c ? { ...item, ...change } : item)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const content = contentOf(draft);
    if (edit) save.mutate({ formId: edit.formId, content });
    else create.mutate({ content });
  };
  const cancel = () => {
    forgetDraft(storageId);
    onDone();
  };
  const heading = edit ? t("qualityForms.editHeading", { name: edit.content.name }) : t("quality.newForm");

  return (
    <form className="stack form-builder" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      {edit ? <p className="muted">{t("qualityForms.editExplained")}</p> : null}
      <TextField
        label={t("quality.formName")}
        value={draft.name}
        required
        maxLength={120}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <TextField
        label={t("qualityForms.description")}
        value={draft.description}
        maxLength={2000}
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
      />
      <TextField
        label={t("quality.passMark")}
        hint={t("quality.passMarkHint")}
        type="number"
        min={0}
        max={100}
        required
        value={draft.passMark}
        onChange={(e) => setDraft({ ...draft, passMark: e.target.value })}
      />
      {draft.sections.map((section, s) => (
        <fieldset key={section.uid} className="card">
          <legend>{t("quality.sectionN", { n: s + 1 })}</legend>
          <TextField
            label={t("quality.sectionTitle", { n: s + 1 })}
            value={section.title}
            required
            maxLength={200}
            ref={focusOnce(`s${s}`)}
            onChange={(e) => setSection(s, { title: e.target.value })}
          />
          {section.criteria.map((criterion, c) => (
            <fieldset key={criterion.uid} className="criterion-editor">
              <legend>{t("quality.criterionN", { section: s + 1, n: c + 1 })}</legend>
              <TextField
                label={t("quality.criterionTitle", { section: s + 1, n: c + 1 })}
                value={criterion.title}
                required
                maxLength={200}
                ref={focusOnce(`s${s}c${c}`)}
                onChange={(e) => setCriterion(s, c, { title: e.target.value })}
              />
              <TextField
                label={t("quality.guidance")}
                value={criterion.guidance}
                maxLength={2000}
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
                hint={t("qualityForms.weightHint")}
                type="number"
                min={0}
                max={100}
                required
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
              <div className="row">
                <button
                  type="button"
                  className="button button--small"
                  disabled={c === 0}
                  onClick={() => {
                    setFocus(`s${s}c${c - 1}`);
                    setCriteria(s, (all) => swap(all, c - 1, c));
                  }}
                >
                  {t("qualityForms.moveUp", { section: s + 1, n: c + 1 })}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={section.criteria.length === 1}
                  onClick={() => {
                    setFocus(`s${s}c${Math.max(c - 1, 0)}`);
                    setCriteria(s, (all) => all.filter((_, j) => j !== c));
                  }}
                >
                  {t("qualityForms.removeCriterion", { section: s + 1, n: c + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setFocus(`s${s}c${section.criteria.length}`);
                setCriteria(s, (all) => [...all, blankCriterion()]);
              }}
            >
              {t("quality.addCriterion", { n: s + 1 })}
            </button>
            <button
              type="button"
              className="button"
              disabled={draft.sections.length === 1}
              onClick={() => {
                setFocus(`s${Math.max(s - 1, 0)}`);
                setSections((all) => all.filter((_, i) => i !== s));
              }}
            >
              {t("qualityForms.removeSection", { n: s + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => {
          setFocus(`s${draft.sections.length}`);
          setSections((all) => [...all, blankSection()]);
        }}
      >
        {t("quality.addSection")}
      </button>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button button--primary" disabled={pending}>
          {edit ? t("qualityForms.saveVersion", { n: edit.version }) : t("quality.saveDraft")}
        </button>
        <button type="button" className="button" onClick={cancel}>
          {t("quality.cancel")}
        </button>
      </div>
    </form>
  );
}
