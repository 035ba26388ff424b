/** A report month ("2026-12") as the UI language writes it: "Dec 2026", "joulu 2026". */
export function formatMonth(month: string, language: string): string {
  const [year, number] = month.split("-").map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(language === "fi" ? "fi-FI" : "en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}
