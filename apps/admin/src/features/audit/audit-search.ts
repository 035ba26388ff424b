import { AUDIT_NAMED_TARGET_TYPES, type AuditNamedTargetType } from "@kuulo/domain/audit";

/**
 * Audit filters live in the URL: a privacy officer can bookmark or share the exact range examined. The URL
 * keeps ids (people pick by name; the page shows names); `action` is an action or an area prefix ("auth.").
 */
export interface AuditSearch {
  actor?: string;
  action?: string;
  targetType?: AuditNamedTargetType;
  targetId?: string;
  outcome?: "success" | "denied" | "failure";
  from?: string;
  to?: string;
}

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;
export const AUDIT_TARGET_TYPES = AUDIT_NAMED_TARGET_TYPES;

const text = (value: unknown, max = 100): string | undefined =>
  typeof value === "string" && value.trim().length > 0 ? value.trim().slice(0, max) : undefined;
const isoDate = (value: unknown): string | undefined => {
  const candidate = text(value);
  return candidate && /^\d{4}-\d{2}-\d{2}$/.test(candidate) ? candidate : undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (value: unknown): string | undefined => {
  const candidate = text(value);
  return candidate && UUID.test(candidate) ? candidate : undefined;
};

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const result: AuditSearch = {};
  const actor = uuid(search.actor);
  if (actor) result.actor = actor;
  const action = text(search.action);
  if (action && /^[a-z0-9_.]+$/.test(action)) result.action = action;
  const targetType = text(search.targetType, 50);
  if (targetType && (AUDIT_TARGET_TYPES as readonly string[]).includes(targetType))
    result.targetType = targetType as AuditNamedTargetType;
  const targetId = uuid(search.targetId);
  if (targetId && result.targetType) result.targetId = targetId;
  const outcome = text(search.outcome);
  if (outcome && (AUDIT_OUTCOMES as readonly string[]).includes(outcome))
    result.outcome = outcome as AuditSearch["outcome"];
  const from = isoDate(search.from);
  if (from) result.from = from;
  const to = isoDate(search.to);
  if (to) result.to = to;
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

/** The API's filter from the URL's: what the table shows is exactly what the CSV export contains. */
export function auditFilter(search: AuditSearch) {
  return {
    actorId: search.actor,
    action: search.action,
    targetType: search.targetType,
    targetId: search.targetId,
    outcome: search.outcome,
    ...dayRangeToInstants(search.from, search.to),
  };
}
