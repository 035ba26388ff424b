import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

const WEEK_MS = 7 * 86_400_000;

export interface DueSoonView {
  from: Date;
  /** Already due (the next purge run removes them). */
  overdue: number;
  weeks: { weekStart: Date; count: number }[];
  held: number;
}

/** How many recordings fall due per week for the next N weeks, for a chart (counts only, R13). */
export async function retentionDueSoon({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { weeks: number };
}): Promise<DueSoonView> {
  const now = ctx.clock.now();
  const end = new Date(now.getTime() + input.weeks * WEEK_MS);
  const scope = unitScope(ctx, "retention.read");
  const weeks = Array.from({ length: input.weeks }, (_, index) => ({
    weekStart: new Date(now.getTime() + index * WEEK_MS),
    count: 0,
  }));
  if (!scope.all && scope.unitIds.length === 0) return { from: now, overdue: 0, weeks, held: 0 };
  const inScope = scope.all
    ? sql`true`
    : sql`unit_id in (${sql.join(
        scope.unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  const rows = await queryRows<{ bucket: number | string | null; count: number | string }>(
    ctx.db,
    sql`select case when purge_due_at <= ${now.toISOString()}::timestamptz then -1
                    else floor(extract(epoch from (purge_due_at - ${now.toISOString()}::timestamptz)) * 1000 / ${WEEK_MS})::int end as bucket,
               count(*)::int as count
          from recordings
         where deleted_at is null and not legal_hold and purge_due_at is not null
           and purge_due_at < ${end.toISOString()}::timestamptz and ${inScope}
         group by 1`,
  );
  const held = await queryRows<{ count: number | string }>(
    ctx.db,
    sql`select count(*)::int as count from recordings where deleted_at is null and legal_hold and ${inScope}`,
  );
  let overdue = 0;
  for (const row of rows) {
    const bucket = Number(row.bucket);
    if (bucket < 0) overdue += Number(row.count);
    else if (weeks[bucket]) weeks[bucket].count += Number(row.count);
  }
  return { from: now, overdue, weeks, held: Number(held[0]?.count ?? 0) };
}
