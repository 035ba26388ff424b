import { AUDIT_OUTCOMES, auditEvents } from "@kuulo/db/schema";
import { and, eq, gte, like, lt, type SQL } from "drizzle-orm";

/** Re-exported so routers can validate the outcome filter without importing the database. */
export { AUDIT_OUTCOMES };

export interface AuditFilter {
  actorId?: string | undefined;
  /** Exact action, or a prefix ending in "." (e.g. "auth."). */
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  outcome?: (typeof AUDIT_OUTCOMES)[number] | undefined;
  /** Inclusive start and exclusive end, ISO 8601. */
  from?: string | undefined;
  to?: string | undefined;
}

export function auditConditions(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) {
    conditions.push(
      filter.action.endsWith(".")
        ? like(auditEvents.action, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
        : eq(auditEvents.action, filter.action),
    );
  }
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, new Date(filter.to)));
  return conditions;
}

export function whereAudit(filter: AuditFilter, extra: SQL[] = []) {
  return and(...auditConditions(filter), ...extra);
}
