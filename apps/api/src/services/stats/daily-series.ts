const DAY_MS = 86_400_000;

/** Midnight UTC of the day `days` before `now`'s day (days = 0 → today). */
export function utcDayStart(now: Date, daysBefore = 0): Date {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(start - daysBefore * DAY_MS);
}

/** ISO date (YYYY-MM-DD) of a UTC instant. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * A gap-free series of `days` UTC days ending today, oldest first: a chart must show quiet days as zero
 * instead of joining the neighbours with a line.
 */
export function dailySeries(
  now: Date,
  days: number,
  counts: readonly { day: string; count: number | string }[],
): { day: string; count: number }[] {
  const byDay = new Map(counts.map((row) => [row.day, Number(row.count)]));
  return Array.from({ length: days }, (_, index) => {
    const day = isoDay(utcDayStart(now, days - 1 - index));
    return { day, count: byDay.get(day) ?? 0 };
  });
}
