import type { AuditNamedTargetType } from "@kuulo/domain/audit";
import { useTRPC } from "@kuulo/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuditLanguage } from "./use-audit-sentence.js";

/**
 * A searchable combobox (WAI-ARIA 1.2 list autocomplete) of people or targets by name for the audit
 * filters. Arrow keys move, Enter picks, Escape closes. The chosen id goes to the URL; the name is shown.
 */
export function AuditNamePicker({
  type,
  value,
  onChange,
  label,
  hint,
}: {
  type: AuditNamedTargetType;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  label: string;
  hint: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const language = useAuditLanguage();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDeferredValue(text.trim());
  const chosen = useQuery({
    ...trpc.audit.names.queryOptions({ type, id: value ?? "" }),
    enabled: value !== undefined,
  });
  const found = useQuery({
    ...trpc.audit.names.queryOptions({ type, search }),
    enabled: open && search.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = search.length >= 2 ? (found.data ?? []) : [];
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && options.length > 0;
  const nameOf = (option: (typeof options)[number]) => language.describe(option.ref, type);

  const pick = (optionIdValue: string) => {
    onChange(optionIdValue);
    setText("");
    setActive(0);
    setOpen(false);
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
      pick(option.id);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  if (value !== undefined) {
    const chosenOption = chosen.data?.[0];
    const name = chosenOption
      ? nameOf(chosenOption)
      : chosen.isPending
        ? "…"
        : language.describe({ kind: "removed" }, type);
    return (
      <div className="field name-picker">
        <span className="field__label">{label}</span>
        <span className="name-picker__chosen">
          <span data-testid="name-picker-chosen">{name}</span>
          <button
            type="button"
            className="button button--small"
            aria-label={t("audit.clearChoice", { name })}
            onClick={() => onChange(undefined)}
          >
            ×
          </button>
        </span>
      </div>
    );
  }

  return (
    <div className="field name-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="name-picker__control">
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
          placeholder={t("audit.searchPlaceholder")}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={label} className="name-picker__list" hidden={!expanded}>
          {options.map((option, index) => (
            <div
              key={option.id}
              tabIndex={-1}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="name-picker__option"
              // mousedown, not click: picking must happen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option.id);
              }}
              onMouseMove={() => setActive(index)}
            >
              {nameOf(option)}
              {option.ref.kind === "person" ? <span className="muted"> ({option.ref.username})</span> : null}
            </div>
          ))}
        </div>
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
      {open && search.length >= 2 && found.isSuccess && options.length === 0 ? (
        <p className="muted" role="status">
          {t("audit.noMatches")}
        </p>
      ) : null}
    </div>
  );
}
