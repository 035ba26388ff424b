/**
 * Deterministic JSON: object keys sorted at every depth, Dates as ISO-8601 UTC, undefined members dropped
 * (as JSON.stringify does). The audit hash is computed over this, so it must never change once released.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("canonicalJson: invalid Date");
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalise(item)));
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = normalise(member);
    }
    return sorted;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error("canonicalJson: numbers must be finite");
  }
  if (typeof value === "bigint") throw new Error("canonicalJson: bigint is not JSON");
  return value;
}
