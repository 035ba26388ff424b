import { type Ref, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DateInputKind, datePattern, formatDateInput, parseDateInput } from "./date-input.js";
import { TextField } from "./text-field.js";

export interface DateFieldProps {
  label: string;
  /** Local ISO text: "2026-12-06" for a date, "2026-12-06T09:30" for a date and time; "" when empty. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  kind?: DateInputKind;
  hint?: string;
  error?: string | undefined;
  name?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A date (and time) typed in the UI language's format, with that format as its hint. Until the text
 * is a real date the form holds "" and the field says how to write it, so nothing half-typed is sent.
 */
export function DateField({
  label,
  value,
  onChange,
  onBlur,
  kind = "date",
  hint,
  error,
  name,
  ref,
}: DateFieldProps) {
  const { t, i18n } = useTranslation("ui");
  const locale = i18n.language;
  const [text, setText] = useState(() => formatDateInput(value, locale, kind));
  const [invalid, setInvalid] = useState(false);
  const emitted = useRef(value);
  const shownLocale = useRef(locale);
  useEffect(() => {
    // Only a value set from outside (reset, a picked record) or a new language rewrites the text;
    // the person's own half-typed text stays as typed.
    if (value === emitted.current && locale === shownLocale.current) return;
    emitted.current = value;
    shownLocale.current = locale;
    setText(formatDateInput(value, locale, kind));
  }, [value, locale, kind]);
  const pattern = datePattern(locale, kind);
  const shape = t("dateField.shape", { pattern });
  return (
    <TextField
      label={label}
      name={name}
      ref={ref}
      inputMode="numeric"
      autoComplete="off"
      placeholder={pattern}
      value={text}
      hint={hint ? `${hint} ${shape}` : shape}
      error={error ?? (invalid ? t("dateField.invalid") : undefined)}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parseDateInput(event.target.value, kind);
        setInvalid(false);
        emitted.current = parsed ?? "";
        onChange(parsed ?? "");
      }}
      onBlur={() => {
        setInvalid(parseDateInput(text, kind) === null);
        onBlur?.();
      }}
    />
  );
}
