import type { AnswerType, FormContent, FormContentInput } from "@kuulo/domain/quality";

/** What the builder edits: strings as typed, and the stored key of sections/criteria that already exist. */
export interface CriterionDraft {
  /** Identifies the item in this editor only (React keys); never sent. */
  uid: string;
  key: string | null;
  title: string;
  guidance: string;
  answerType: AnswerType;
  weight: string;
  allowNa: boolean;
  critical: boolean;
}
export interface SectionDraft {
  uid: string;
  key: string | null;
  title: string;
  criteria: CriterionDraft[];
}
export interface FormDraft {
  name: string;
  description: string;
  passMark: string;
  sections: SectionDraft[];
}

const uid = (): string => Math.random().toString(36).slice(2);

export const blankCriterion = (): CriterionDraft => ({
  uid: uid(),
  key: null,
  title: "",
  guidance: "",
  answerType: "yes_no",
  weight: "10",
  allowNa: false,
  critical: false,
});

export const blankSection = (): SectionDraft => ({
  uid: uid(),
  key: null,
  title: "",
  criteria: [blankCriterion()],
});

export const blankForm = (): FormDraft => ({
  name: "",
  description: "",
  passMark: "80",
  sections: [blankSection()],
});

export const draftOf = (content: FormContent): FormDraft => ({
  name: content.name,
  description: content.description,
  passMark: String(content.passMark),
  sections: content.sections.map((section) => ({
    uid: uid(),
    key: section.key,
    title: section.title,
    criteria: section.criteria.map((c) => ({
      uid: uid(),
      key: c.key,
      title: c.title,
      guidance: c.guidance,
      answerType: c.answerType,
      weight: String(c.weight),
      allowNa: c.allowNa,
      critical: c.critical,
    })),
  })),
});

/** The first `prefix<n>` not taken: a new item never reuses a key another item of the form still has. */
const freshKey = (prefix: string, taken: Set<string>): string => {
  for (let n = 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
};

/**
 * The content the API validates. Existing sections and criteria keep their keys across versions (so
 * trends compare like with like); new ones get a generated key, because people never type ids.
 */
export const contentOf = (draft: FormDraft): FormContentInput => {
  const sectionKeys = new Set(draft.sections.flatMap((s) => (s.key ? [s.key] : [])));
  const criterionKeys = new Set(
    draft.sections.flatMap((s) => s.criteria.flatMap((c) => (c.key ? [c.key] : []))),
  );
  return {
    name: draft.name,
    description: draft.description,
    passMark: Number.parseInt(draft.passMark, 10),
    sections: draft.sections.map((section) => ({
      key: section.key ?? freshKey("section_", sectionKeys),
      title: section.title,
      criteria: section.criteria.map((c) => ({
        key: c.key ?? freshKey("criterion_", criterionKeys),
        title: c.title,
        guidance: c.guidance,
        answerType: c.answerType,
        weight: Number.parseInt(c.weight, 10),
        allowNa: c.allowNa,
        critical: c.critical && c.answerType === "yes_no",
      })),
    })),
  };
};

/** The list with items i and j swapped (moving a criterion up keeps its key and answers' meaning). */
export const swap = <T>(list: readonly T[], i: number, j: number): T[] =>
  list.map((item, k) => (k === i ? (list[j] as T) : k === j ? (list[i] as T) : item));

const STORAGE_PREFIX = "kuulo.draft.quality-form.";

/** The builder keeps unsaved work in this tab's sessionStorage, so a reload or a lapsed session keeps it. */
export const readStoredDraft = (id: string): FormDraft | null => {
  try {
    const raw = sessionStorage.getItem(STORAGE_PREFIX + id);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === "object" && Array.isArray((parsed as FormDraft).sections)
      ? (parsed as FormDraft)
      : null;
  } catch {
    return null;
  }
};
export const storeDraft = (id: string, draft: FormDraft): void =>
  sessionStorage.setItem(STORAGE_PREFIX + id, JSON.stringify(draft));
export const forgetDraft = (id: string): void => sessionStorage.removeItem(STORAGE_PREFIX + id);
