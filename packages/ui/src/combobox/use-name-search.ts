import { useDeferredValue, useState } from "react";

/** Fewer letters than this match too many names to be worth a query. */
export const NAME_SEARCH_MIN_LETTERS = 2;

export interface NameSearch {
  text: string;
  setText: (text: string) => void;
  /** What to send to the API: the typed text once it is long enough, else "" (send nothing). */
  term: string;
}

/** What a typed text asks the API for: the trimmed text once it is long enough, else "". */
export function nameSearchTerm(text: string): string {
  const trimmed = text.trim();
  return [...trimmed].length >= NAME_SEARCH_MIN_LETTERS ? trimmed : "";
}

/** The typed text of a name combobox; the caller queries with `term` while it is not empty. */
export function useNameSearch(): NameSearch {
  const [text, setText] = useState("");
  const term = nameSearchTerm(useDeferredValue(text));
  return { text, setText, term };
}
