import { queryRows } from "@kuulo/db/client";
import { ROLES, type Role } from "@kuulo/domain/access";
import { type SQL, sql } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { dailySeries, isoDay, utcDayStart } from "./daily-series.js";

export const DASHBOARD_DAYS = 30;
export const DASHBOARD_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

/** Aggregate figures only: counts and sums, never a name, username or recording id (R3, R14). */
export interface DashboardStatsView {
  generatedAt: string;
  /** UTC days, oldest first, exactly DASHBOARD_DAYS entries ending today. */
  recordingsPerDay: { day: string; count: number }[];
  listensPerDay: { day: string; count: number }[];
  storage: { usedBytes: number; recordings: number; durationMs: number };
  /** People with at least one live grant of the role (active accounts), every role listed. */
  usersByRole: { role: Role; count: number }[];
  /** Week buckets starting now; `day` is the bucket's first day. Held recordings are not counted. */
  dueForPurge: { day: string; count: number }[];
  /** Already past their due date (the next purge run removes them). */
  overdue: number;
  legalHold: number;
}

type Scope = { all: boolean; unitIds: string[] };

function unitFilter(scope: Scope, column: SQL): SQL {
  if (scope.all) return sql`true`;
  if (scope.unitIds.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    scope.unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

async function perDay(ctx: AuthedContext, query: SQL): Promise<{ day: string; count: number | string }[]> {
  return queryRows<{ day: string; count: number | string }>(ctx.db, query);
}

/**
 * The administrator's dashboard. Everything is limited to the units where the caller holds stats.read;
 * listens are counted through the recording they concern, so a unit-scoped caller sees only its units.
 */
export async function dashboardStats({ ctx }: { ctx: AuthedContext }): Promise<DashboardStatsView> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const since = utcDayStart(now, DASHBOARD_DAYS - 1).toISOString();
  const scope = unitScope(ctx, "stats.read");
  const recordingsInScope = unitFilter(scope, sql`r.unit_id`);

  const ingested = await perDay(
    ctx,
    sql`select to_char(r.ingested_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
          from recordings r
         where r.deleted_at is null and r.ingested_at >= ${since}::timestamptz
           and r.ingested_at <= ${nowIso}::timestamptz and ${recordingsInScope}
         group by 1`,
  );
  const listensScope = scope.all
    ? sql`true`
    : sql`exists (select 1 from recordings r where r.id::text = a.target_id and ${recordingsInScope})`;
  const listens = await perDay(
    ctx,
    sql`select to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
          from audit_events a
         where a.action = 'recording.listen' and a.outcome = 'success'
           and a.occurred_at >= ${since}::timestamptz and a.occurred_at <= ${nowIso}::timestamptz
           and ${listensScope}
         group by 1`,
  );
  const [storage] = await queryRows<{
    bytes: number | string;
    recordings: number | string;
    duration: number | string;
  }>(
    ctx.db,
    sql`select coalesce(sum(r.stored_size_bytes), 0)::bigint as bytes, count(*)::int as recordings,
               coalesce(sum(r.duration_ms), 0)::bigint as duration
          from recordings r
         where r.deleted_at is null and ${recordingsInScope}`,
  );
  const roles = await queryRows<{ role: Role; count: number | string }>(
    ctx.db,
    sql`select g.role as role, count(distinct g.user_id)::int as count
          from role_grants g join users u on u.id = g.user_id
         where g.revoked_at is null and u.status = 'active' and ${unitFilter(scope, sql`g.unit_id`)}
         group by g.role`,
  );
  const end = new Date(now.getTime() + DASHBOARD_WEEKS * WEEK_MS).toISOString();
  const due = await queryRows<{ bucket: number | string; count: number | string }>(
    ctx.db,
    sql`select case when r.purge_due_at <= ${nowIso}::timestamptz then -1
                    else floor(extract(epoch from (r.purge_due_at - ${nowIso}::timestamptz)) * 1000 / ${WEEK_MS})::int end as bucket,
               count(*)::int as count
          from recordings r
         where r.deleted_at is null and not r.legal_hold and r.purge_due_at is not null
           and r.purge_due_at < ${end}::timestamptz and ${recordingsInScope}
         group by 1`,
  );
  const [held] = await queryRows<{ count: number | string }>(
    ctx.db,
    sql`select count(*)::int as count from recordings r
         where r.deleted_at is null and r.legal_hold and ${recordingsInScope}`,
  );

  const dueForPurge = Array.from({ length: DASHBOARD_WEEKS }, (_, index) => ({
    day: isoDay(new Date(now.getTime() + index * WEEK_MS)),
    count: 0,
  }));
  let overdue = 0;
  for (const row of due) {
    const bucket = Number(row.bucket);
    const week = dueForPurge[bucket];
    if (bucket < 0) overdue += Number(row.count);
    else if (week) week.count += Number(row.count);
  }
  const roleCounts = new Map(roles.map((row) => [row.role, Number(row.count)]));

  return {
    generatedAt: nowIso,
    recordingsPerDay: dailySeries(now, DASHBOARD_DAYS, ingested),
    listensPerDay: dailySeries(now, DASHBOARD_DAYS, listens),
    storage: {
      usedBytes: Number(storage?.bytes ?? 0),
      recordings: Number(storage?.recordings ?? 0),
      durationMs: Number(storage?.duration ?? 0),
    },
    usersByRole: ROLES.map((role) => ({ role, count: roleCounts.get(role) ?? 0 })),
    dueForPurge,
    overdue,
    legalHold: Number(held?.count ?? 0),
  };
}
