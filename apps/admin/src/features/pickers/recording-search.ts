/** The picker's filter as typed: local days ("2026-12-06") and whole seconds as text. */
export interface PickerFilter {
  from: string;
  to: string;
  staffMemberId: string;
  minSeconds: string;
  maxSeconds: string;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const dayAfter = (day: string) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
};
const millis = (text: string) => {
  const seconds = Number(text);
  return text.trim() === "" || Number.isNaN(seconds) ? undefined : Math.max(0, Math.round(seconds * 1000));
};

/** The same search input the trainer's recordings page sends: "to" includes the whole last day. */
export function toFindInput(filter: PickerFilter) {
  const durationMinMs = millis(filter.minSeconds);
  const durationMaxMs = millis(filter.maxSeconds);
  return {
    ...(filter.from ? { from: dayStart(filter.from) } : {}),
    ...(filter.to ? { to: dayAfter(filter.to) } : {}),
    ...(filter.staffMemberId ? { staffMemberId: filter.staffMemberId } : {}),
    ...(durationMinMs !== undefined ? { durationMinMs } : {}),
    ...(durationMaxMs !== undefined ? { durationMaxMs } : {}),
    order: "desc" as const,
    limit: 50,
  };
}

/** A period a form fixes for its recordings, both ends included (an access request's window). */
export interface PickerWindow {
  from: Date;
  to: Date;
}

type FindInput = ReturnType<typeof toFindInput>;

/**
 * Narrows the typed search to the form's period, so only calls the form may take are offered; null when
 * the typed days fall wholly outside it (nothing to ask the API). The search's "to" is exclusive.
 */
export function withinWindow(input: FindInput, window: PickerWindow | undefined): FindInput | null {
  if (!window) return input;
  const end = window.to.getTime() + 1;
  const from = Math.max(input.from ? Date.parse(input.from) : -Infinity, window.from.getTime());
  const to = Math.min(input.to ? Date.parse(input.to) : Infinity, end);
  if (from >= to) return null;
  return { ...input, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
