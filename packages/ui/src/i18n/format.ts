import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDuration } from "./duration.js";
import { formatUnit, type UnitLike } from "./unit-label.js";

export interface Formatters {
  date(value: Date | string | number | null | undefined): string;
  dateTime(value: Date | string | number | null | undefined): string;
  time(value: Date | string | number | null | undefined): string;
  /** Call, clip and listening lengths: "m:ss" / "h:mm:ss" in both apps. */
  duration(ms: number | null | undefined): string;
  /** "Helsinki, customer service (HKI-ASPA)"; the code alone when the name is not known. */
  unit(unit: UnitLike | null | undefined): string;
  /** A country by its ISO code in the chosen language with the code: "Suomi (FI)". */
  country(code: string | null | undefined): string;
  number(value: number): string;
  bytes(value: number): string;
  relative(value: Date | string | number): string;
}

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/**
 * Dates, times, numbers, durations and units formatted per the chosen language
 * (fi: 29.11.2026 klo 10.35, en: 29 Nov 2026, 10:35). Both apps use these and no local copies.
 */
export function createFormatters(locale: string): Formatters {
  const tag = locale === "fi" ? "fi-FI" : "en-GB";
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium" });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: "short" });
  const regionNames = new Intl.DisplayNames([tag], { type: "region" });
  const numberFormat = new Intl.NumberFormat(tag);
  const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
  return {
    date: (value) => (value == null ? "–" : dateFormat.format(toDate(value))),
    dateTime: (value) => (value == null ? "–" : dateTimeFormat.format(toDate(value))),
    time: (value) => (value == null ? "–" : timeFormat.format(toDate(value))),
    duration: (ms) => (ms == null ? "–" : formatDuration(ms)),
    unit: (unit) => (unit == null ? "–" : formatUnit(unit)),
    country(code) {
      if (!code) return "–";
      const name = regionNames.of(code);
      return name && name !== code ? `${name} (${code})` : code;
    },
    number: (value) => numberFormat.format(value),
    bytes(value) {
      let amount = value;
      let index = 0;
      while (amount >= 1024 && index < units.length - 1) {
        amount /= 1024;
        index += 1;
      }
      const unit = units[index] ?? "byte";
      return new Intl.NumberFormat(tag, { style: "unit", unit, maximumFractionDigits: 1 }).format(amount);
    },
    relative(value) {
      const seconds = (toDate(value).getTime() - Date.now()) / 1000;
      const steps: [Intl.RelativeTimeFormatUnit, number][] = [
        ["day", 86_400],
        ["hour", 3_600],
        ["minute", 60],
      ];
      for (const [unit, size] of steps) {
        if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
      }
      return relativeFormat.format(Math.round(seconds), "second");
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
