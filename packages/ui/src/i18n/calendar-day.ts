/**
 * A calendar day typed the way the UI language writes it: Finnish "1.3.2026", English (en-GB) "01/03/2026".
 * ISO "2026-03-01" is accepted in both. Returns "YYYY-MM-DD", or null when it is not a real day.
 */
export function parseCalendarDay(text: string, locale: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = (
    locale === "fi" ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
  ).exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : local
      ? [Number(local[3]), Number(local[2]), Number(local[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2026-03-01" written the UI language's way, for a day input's value. */
export function formatCalendarDay(day: string, locale: string): string {
  const [year, month, date] = day.split("-");
  return locale === "fi"
    ? `${Number(date)}.${Number(month)}.${year}`
    : `${date?.padStart(2, "0")}/${month?.padStart(2, "0")}/${year}`;
}

/** How the UI language writes a day, shown as the input's hint. */
export const calendarDayPattern = (locale: string): string => (locale === "fi" ? "pp.kk.vvvv" : "dd/mm/yyyy");
