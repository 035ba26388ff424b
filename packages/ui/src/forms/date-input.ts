/**
 * Dates typed the way the UI language writes them (fi "6.12.2026 klo 9.30", en "06/12/2026 09:30"),
 * kept in the form as the browser's local ISO text ("2026-12-06" / "2026-12-06T09:30") that the
 * apps already turn into instants. Native date inputs follow the browser's locale, not the UI's.
 */
export type DateInputKind = "date" | "dateTime";

const pad = (value: number) => String(value).padStart(2, "0");

/** How the field's hint shows the expected shape. */
export function datePattern(locale: string, kind: DateInputKind): string {
  const date = locale === "fi" ? "p.k.vvvv" : "dd/mm/yyyy";
  if (kind === "date") return date;
  return locale === "fi" ? `${date} klo t.mm` : `${date} hh:mm`;
}

/** Local ISO text → what a person of that language reads; "" stays "". */
export function formatDateInput(iso: string, locale: string, kind: DateInputKind): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return "";
  const [, year, month, day, hours = "00", minutes = "00"] = match;
  const date = locale === "fi" ? `${Number(day)}.${Number(month)}.${year}` : `${day}/${month}/${year}`;
  if (kind === "date") return date;
  return locale === "fi" ? `${date} klo ${Number(hours)}.${minutes}` : `${date} ${hours}:${minutes}`;
}

/**
 * What a person typed → local ISO text, "" for an empty field, null when it is not a real date.
 * Accepts either language's separators so a pasted date is not refused for its dots or slashes.
 */
export function parseDateInput(text: string, kind: DateInputKind): string | null {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const match =
    /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:(?:\s+klo)?\s+(\d{1,2})[.:](\d{2}))?$/i.exec(trimmed) ?? null;
  if (!match) return null;
  const [, dayText, monthText, yearText, hoursText, minutesText] = match;
  const day = Number(dayText);
  const month = Number(monthText);
  const year = Number(yearText);
  const probe = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDate) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (kind === "date") return hoursText === undefined ? date : null;
  const hours = hoursText === undefined ? 0 : Number(hoursText);
  const minutes = minutesText === undefined ? 0 : Number(minutesText);
  if (hours > 23 || minutes > 59) return null;
  return `${date}T${pad(hours)}:${pad(minutes)}`;
}
