/** Audit filters live in the URL: a privacy officer can bookmark or share the exact range examined. */
export interface AuditSearch {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
  page?: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim().length > 0 ? value.trim().slice(0, 200) : undefined;
const isoDate = (value: unknown): string | undefined => {
  const candidate = text(value);
  return candidate && /^\d{4}-\d{2}-\d{2}$/.test(candidate) ? candidate : undefined;
};

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const result: AuditSearch = {};
  const actor = text(search.actor);
  if (actor) result.actor = actor;
  const action = text(search.action);
  if (action) result.action = action;
  const target = text(search.target);
  if (target) result.target = target;
  const from = isoDate(search.from);
  if (from) result.from = from;
  const to = isoDate(search.to);
  if (to) result.to = to;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) result.page = page;
  return result;
}

/** Local calendar days → an inclusive UTC instant range for the API. */
export function dayRangeToInstants(from?: string, to?: string): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (from) range.from = new Date(`${from}T00:00:00`).toISOString();
  if (to) {
    const end = new Date(`${to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    range.to = new Date(end.getTime() - 1).toISOString();
  }
  return range;
}
