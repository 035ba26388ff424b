import { queryRows } from "@kuulo/db/client";
import { qualitySamplingRules, units } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { samplingPeriod } from "@kuulo/domain/quality";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize, unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

async function loadUnit(ctx: AuthedContext, unitId: string) {
  const [unit] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organisationId, ctx.auth.actor.organisationId)));
  if (!unit) throw notFound("Unit");
  return unit;
}

export async function setSamplingRule({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { unitId: string; perEmployeePerMonth: number | null };
}): Promise<{ unitId: string; perEmployeePerMonth: number | null }> {
  const unit = await loadUnit(ctx, input.unitId);
  await authorize(
    ctx,
    "evaluation.sample",
    { unitId: unit.id, organisationId: unit.organisationId },
    { type: "unit", id: unit.id },
  );
  await ctx.db.transaction(async (tx) => {
    if (input.perEmployeePerMonth === null) {
      await tx.delete(qualitySamplingRules).where(eq(qualitySamplingRules.unitId, unit.id));
    } else {
      const values = {
        perEmployeePerMonth: input.perEmployeePerMonth,
        updatedBy: ctx.auth.user.id,
        updatedAt: ctx.clock.now(),
      };
      await tx
        .insert(qualitySamplingRules)
        .values({ unitId: unit.id, ...values })
        .onConflictDoUpdate({ target: qualitySamplingRules.unitId, set: values });
    }
    await audit(tx, ctx, {
      action: "quality.sampling_rule_set",
      outcome: "success",
      targetType: "unit",
      targetId: unit.id,
      details: { perEmployeePerMonth: input.perEmployeePerMonth },
    });
  });
  return { unitId: unit.id, perEmployeePerMonth: input.perEmployeePerMonth };
}

export async function listSamplingRules({
  ctx,
}: {
  ctx: AuthedContext;
}): Promise<{ unitId: string; unitName: string; perEmployeePerMonth: number | null }[]> {
  const scope = unitScope(ctx, "evaluation.sample");
  const rows = await ctx.db
    .select({ unitId: units.id, unitName: units.name, per: qualitySamplingRules.perEmployeePerMonth })
    .from(units)
    .leftJoin(qualitySamplingRules, eq(qualitySamplingRules.unitId, units.id))
    .where(eq(units.organisationId, ctx.auth.actor.organisationId))
    .orderBy(units.name);
  return rows
    .filter((row) => scope.all || scope.unitIds.includes(row.unitId))
    .map((row) => ({ unitId: row.unitId, unitName: row.unitName, perEmployeePerMonth: row.per ?? null }));
}

export interface QueueItem {
  recordingId: string;
  unitId: string;
  staffMember: { id: string; name: string };
  callStartedAt: string;
  durationMs: number;
  dueAt: string;
}

const encode = (hash: string, id: string) => Buffer.from(`${hash}|${id}`).toString("base64url");
function decode(cursor: string | undefined): { hash: string; id: string } | null {
  if (!cursor) return null;
  const [hash, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!hash || !/^[0-9a-f]{32}$/.test(hash) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError("VALIDATION", "Not a valid cursor", { field: "cursor", reason: "cursor.invalid" });
  }
  return { hash, id };
}

/**
 * The reviewer's sampling queue: for each employee of a unit with a rule, a random draw of this month's
 * unevaluated calls, as many as the rule still asks for. The draw orders by md5(recording id ‖ month
 * seed) — uniform, stable within the month, no OFFSET — and pages by a keyset cursor on (hash, id).
 * Only the month's calls of the units in scope are hashed (index on unit and call time).
 */
export async function samplingQueue({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { unitId?: string; cursor?: string; limit: number };
}): Promise<{ period: string; dueAt: string; items: QueueItem[]; nextCursor: string | null }> {
  const scope = unitScope(ctx, "evaluation.create");
  const period = samplingPeriod(ctx.clock.now());
  const after = decode(input.cursor);
  if (!scope.all && scope.unitIds.length === 0) {
    return { period: period.seed, dueAt: period.dueAt.toISOString(), items: [], nextCursor: null };
  }
  const unitFilter = scope.all
    ? sql``
    : sql`and sr.unit_id in (${sql.join(
        scope.unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  const oneUnit = input.unitId ? sql`and sr.unit_id = ${input.unitId}::uuid` : sql``;
  const own = ctx.auth.actor.staffMemberId;
  const notOwn = own ? sql`and r.staff_member_id <> ${own}::uuid` : sql``;
  const cursor = after ? sql`and (ranked.h, ranked.id) > (${after.hash}, ${after.id}::uuid)` : sql``;
  const rows = await queryRows<{
    id: string;
    unit_id: string;
    staff_member_id: string;
    call_started_at: string | Date;
    duration_ms: number;
    h: string;
    first_name: string;
    last_name: string;
  }>(
    ctx.db,
    sql`with rules as (
      select sr.unit_id, sr.per_employee_per_month from quality_sampling_rules sr
      join units u on u.id = sr.unit_id
      where u.organisation_id = ${ctx.auth.actor.organisationId}::uuid ${unitFilter} ${oneUnit}
    ), done as (
      select e.staff_member_id, count(*)::int as n from quality_evaluations e
      join rules on rules.unit_id = e.unit_id
      where e.calibration_id is null and e.call_started_at >= ${period.startsAt.toISOString()}::timestamptz
        and e.call_started_at < ${period.dueAt.toISOString()}::timestamptz
      group by e.staff_member_id
    ), candidates as (
      select r.id, r.unit_id, r.staff_member_id, r.call_started_at, r.duration_ms,
        md5(r.id::text || ${period.seed}) as h
      from recordings r join rules on rules.unit_id = r.unit_id
      where r.call_started_at >= ${period.startsAt.toISOString()}::timestamptz
        and r.call_started_at < ${period.dueAt.toISOString()}::timestamptz
        and r.deleted_at is null ${notOwn}
        and not exists (select 1 from quality_evaluations e where e.recording_id = r.id and e.calibration_id is null)
    ), ranked as (
      select c.*, row_number() over (partition by c.staff_member_id order by c.h, c.id) as rn from candidates c
    )
    select ranked.id, ranked.unit_id, ranked.staff_member_id, ranked.call_started_at, ranked.duration_ms, ranked.h,
      sm.first_name, sm.last_name
    from ranked
    join rules on rules.unit_id = ranked.unit_id
    join staff_members sm on sm.id = ranked.staff_member_id
    left join done on done.staff_member_id = ranked.staff_member_id
    where ranked.rn <= rules.per_employee_per_month - coalesce(done.n, 0) ${cursor}
    order by ranked.h, ranked.id
    limit ${input.limit + 1}`,
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    period: period.seed,
    dueAt: period.dueAt.toISOString(),
    items: page.map((row) => ({
      recordingId: row.id,
      unitId: row.unit_id,
      staffMember: { id: row.staff_member_id, name: `${row.first_name} ${row.last_name}` },
      callStartedAt: new Date(row.call_started_at).toISOString(),
      durationMs: Number(row.duration_ms),
      dueAt: period.dueAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encode(last.h, last.id) : null,
  };
}
