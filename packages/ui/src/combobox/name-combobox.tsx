import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../feedback/states.js";
import type { NameSearch } from "./use-name-search.js";

export interface NameOption {
  id: string;
  name: string;
  /** Told apart from a namesake, e.g. by username or organisation. */
  detail?: string;
}

/** The part of a TanStack Query result the combobox shows while a search runs or fails. */
export interface NameOptionsQuery {
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

export interface NameComboboxProps<T extends NameOption> {
  label: string;
  /** Said before the built-in "type at least two letters" hint. */
  hint?: string;
  search: NameSearch;
  /** The matches of `search.term` (ignored while the term is empty). */
  options: readonly T[];
  query: NameOptionsQuery;
  noMatches: string;
  onPick: (option: T) => void;
  /** Extra content under the field (e.g. what has been chosen). */
  children?: ReactNode;
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * A person or thing picked by name (WAI-ARIA 1.2 combobox with list autocomplete): arrow keys move,
 * Enter picks, Escape closes; the list opens once two letters are typed and the matches have come.
 */
export function NameCombobox<T extends NameOption>({
  label,
  hint,
  search,
  options: found,
  query,
  noMatches,
  onPick,
  children,
}: NameComboboxProps<T>) {
  const { t } = useTranslation("ui");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const options = search.term ? found : [];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && options.length > 0;
  const settled = open && search.term !== "" && !query.isFetching;

  const pick = (option: T) => {
    onPick(option);
    search.setText("");
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(options.length === 0 ? 0 : (activeIndex + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      const option = expanded ? options[activeIndex] : undefined;
      if (!option) return;
      event.preventDefault();
      pick(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field name-combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="name-combobox__control">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={`${id}-hint`}
          aria-activedescendant={expanded ? optionId(activeIndex) : undefined}
          value={search.text}
          onChange={(event) => {
            search.setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={label} className="name-combobox__list" hidden={!expanded}>
          {options.map((option, index) => (
            <div
              key={option.id}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="name-combobox__option"
              // mousedown, not click: picking must happen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseMove={() => setActive(index)}
            >
              {option.name}
              {option.detail ? <span className="muted"> ({option.detail})</span> : null}
            </div>
          ))}
        </div>
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {hint ? `${sentence(hint)} ${t("nameCombobox.hint")}` : t("nameCombobox.hint")}
      </span>
      {open && search.term !== "" && query.isFetching && options.length === 0 ? (
        <p className="muted" role="status">
          {t("nameCombobox.searching")}
        </p>
      ) : null}
      {settled && query.isError ? <ErrorState error={query.error} /> : null}
      {settled && !query.isError && options.length === 0 ? (
        <p className="muted" role="status">
          {noMatches}
        </p>
      ) : null}
      {children}
    </div>
  );
}
