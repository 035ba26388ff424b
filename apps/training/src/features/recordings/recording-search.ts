/** The recordings list's state as it stands in the address: filters and order survive reload and sharing. */
export const RECORDING_SORTS = ["newest", "oldest", "longest", "shortest"] as const;
export type RecordingSort = (typeof RECORDING_SORTS)[number];

export interface RecordingSearch {
  staff?: string;
  /** Local calendar days, yyyy-mm-dd, both inclusive. */
  from?: string;
  to?: string;
  /** Whole seconds, inclusive. */
  min?: number;
  max?: number;
  sort?: RecordingSort;
}

/** What the API's recordings.find takes for the same search. */
export interface RecordingQuery {
  staffMemberId?: string;
  from?: string;
  to?: string;
  durationMinMs?: number;
  durationMaxMs?: number;
  order: "desc" | "asc" | "longest" | "shortest";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const seconds = (value: unknown): number | undefined => {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 0 && number <= 86_400
    ? number
    : undefined;
};
const day = (value: unknown): string | undefined =>
  typeof value === "string" && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;

/** validateSearch: keeps well-formed values, drops the rest (a hand-edited address never reaches the API). */
export function parseRecordingSearch(search: Record<string, unknown>): RecordingSearch {
  const parsed: RecordingSearch = {};
  if (typeof search.staff === "string" && UUID.test(search.staff)) parsed.staff = search.staff;
  const from = day(search.from);
  const to = day(search.to);
  if (from) parsed.from = from;
  if (to) parsed.to = to;
  const min = seconds(search.min);
  const max = seconds(search.max);
  if (min !== undefined) parsed.min = min;
  if (max !== undefined) parsed.max = max;
  if (RECORDING_SORTS.includes(search.sort as RecordingSort) && search.sort !== "newest") {
    parsed.sort = search.sort as RecordingSort;
  }
  return parsed;
}

const ORDER = { newest: "desc", oldest: "asc", longest: "longest", shortest: "shortest" } as const;

/** Local days become the instants of their local midnights: [from, day after to). */
export function toRecordingQuery(search: RecordingSearch): RecordingQuery {
  const query: RecordingQuery = { order: ORDER[search.sort ?? "newest"] };
  if (search.staff) query.staffMemberId = search.staff;
  if (search.from) query.from = new Date(`${search.from}T00:00:00`).toISOString();
  if (search.to) {
    const end = new Date(`${search.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    query.to = end.toISOString();
  }
  if (search.min !== undefined) query.durationMinMs = search.min * 1000;
  if (search.max !== undefined) query.durationMaxMs = search.max * 1000;
  return query;
}
