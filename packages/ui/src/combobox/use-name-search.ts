import { useDeferredValue, useState } from "react";

/** Fewer letters than this match too many names to be worth a query. */
export const NAME_SEARCH_MIN_LETTERS = 2;

export interface NameSearch {
  text: string;
  setText: (text: string) => void;
  /** What to send to the API: the typed text once it is long enough, else "" (send nothing). */
  term: string;
}

/** The typed text of a name combobox; the caller queries with `term` while it is not empty. */
export function useNameSearch(): NameSearch {
  const [text, setText] = useState("");
  const trimmed = useDeferredValue(text.trim());
  return { text, setText, term: trimmed.length >= NAME_SEARCH_MIN_LETTERS ? trimmed : "" };
}
