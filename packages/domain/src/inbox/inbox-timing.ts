/** NDAs, disclosure windows and processor agreements ending within this many days are worth a look now. */
export const ENDING_SOON_DAYS = 14;

/**
 * A legal hold open longer than this should be reviewed (is the case still open?). Installations change it
 * with KUULO_INBOX_LEGAL_HOLD_REVIEW_DAYS; half a year matches a typical dispute-resolution cycle.
 */
export const DEFAULT_LEGAL_HOLD_REVIEW_DAYS = 180;

/** An access request shows once this many days or fewer remain before its deadline. */
export const ACCESS_REQUEST_WARNING_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GDPR Art. 12(3): the controller answers "within one month of receipt". A calendar month, clamped to the
 * last day of a shorter month (31 January → 28/29 February), in UTC.
 */
export function accessRequestDeadline(receivedAt: Date): Date {
  const deadline = new Date(receivedAt.getTime());
  const day = deadline.getUTCDate();
  deadline.setUTCDate(1);
  deadline.setUTCMonth(deadline.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(deadline.getUTCFullYear(), deadline.getUTCMonth() + 1, 0)).getUTCDate();
  deadline.setUTCDate(Math.min(day, lastDay));
  return deadline;
}

export const isAccessRequestDeadlineNear = (receivedAt: Date, now: Date): boolean =>
  accessRequestDeadline(receivedAt).getTime() - now.getTime() <= ACCESS_REQUEST_WARNING_DAYS * DAY_MS;

/** Ends within the next `days` days (and has not ended yet). */
export const endsWithinDays = (endsAt: Date, now: Date, days = ENDING_SOON_DAYS): boolean =>
  endsAt.getTime() > now.getTime() && endsAt.getTime() - now.getTime() <= days * DAY_MS;

export const openLongerThanDays = (since: Date, now: Date, days: number): boolean =>
  now.getTime() - since.getTime() > days * DAY_MS;

/** A due day ("YYYY-MM-DD") is overdue once that whole day has passed in Finland's calendar. */
export function isOverdue(dueOn: string, now: Date, timeZone = "Europe/Helsinki"): boolean {
  return dueOn < calendarDay(now, timeZone);
}

/** The calendar day of an instant in a time zone, as "YYYY-MM-DD". */
export function calendarDay(at: Date, timeZone = "Europe/Helsinki"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, part) => Object.assign(acc, { [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Of two optional due days ("YYYY-MM-DD"), the earlier one: a person reached twice must meet the first. */
export const earliestDueDay = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a < b ? a : b;
