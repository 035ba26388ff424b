import { queryRows } from "@kuulo/db/client";
import { qualityDisputes, qualityEvaluations, staffMembers, units, users } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { type FormContent, formCriteria } from "@kuulo/domain/quality";
import { and, desc, eq, sql } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import {
  afterCursor,
  auditEvaluationRead,
  decodeCursor,
  type EvaluationListItem,
  encodeCursor,
} from "./evaluations.js";
import { isOwnCall } from "./quality-access.js";

export interface TrendPoint {
  month: string;
  evaluations: number;
  averageScore: number | null;
  passRate: number | null;
}
export interface CriterionAverage {
  criterionKey: string;
  /** The criterion's title in the newest form version that has it (people never read keys). */
  title: string;
  average: number;
  answers: number;
}

const since = (ctx: AuthedContext, months: number) => {
  const now = ctx.clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
};

/** Regular (non-calibration) evaluations of a unit or a person since a date: the report's one filter. */
const filterOf = (by: { unitId: string } | { staffMemberId: string }, from: Date) =>
  "unitId" in by
    ? sql`e.unit_id = ${by.unitId}::uuid and e.calibration_id is null and e.created_at >= ${from.toISOString()}::timestamptz`
    : sql`e.staff_member_id = ${by.staffMemberId}::uuid and e.calibration_id is null and e.created_at >= ${from.toISOString()}::timestamptz`;

type Filter = ReturnType<typeof filterOf>;

/** The report's statements, exported so the benchmark runs exactly this SQL beside the API. */
export const reportSql = {
  trend: (filter: Filter) =>
    sql`select date_trunc('month', e.created_at at time zone 'UTC') as month, count(*)::int as n,
          avg(e.score)::float8 as avg, avg(case when e.passed then 1.0 when e.passed = false then 0.0 end)::float8 as pass
        from quality_evaluations e where ${filter} group by 1 order by 1`,
  criteria: (filter: Filter) =>
    sql`select a->>'criterionKey' as key, avg((a->>'fraction')::float8)::float8 as avg, count(*)::int as n
        from quality_evaluations e cross join lateral jsonb_array_elements(e.answers) a
        where ${filter} and jsonb_typeof(a->'fraction') = 'number'
        group by 1 order by 2 asc, 1 asc`,
  distribution: (filter: Filter) =>
    sql`select least(floor(e.score / 10), 9)::int as b, count(*)::int as n from quality_evaluations e
        where ${filter} and e.score is not null group by 1`,
  reviewers: (filter: Filter, after: string | undefined, limit: number) =>
    sql`select e.reviewer_user_id as id, u.first_name as first, u.last_name as last, count(*)::int as n,
          avg(e.score)::float8 as avg
        from quality_evaluations e left join users u on u.id = e.reviewer_user_id
        where ${filter} and e.reviewer_user_id is not null ${after ? sql`and e.reviewer_user_id > ${after}::uuid` : sql``}
        group by e.reviewer_user_id, u.first_name, u.last_name order by e.reviewer_user_id
        limit ${limit + 1}`,
  openDisputes: (unitId: string) =>
    sql`select count(*)::int as n from quality_disputes d where d.unit_id = ${unitId}::uuid and d.status = 'open'`,
};

export const unitReportFilter = (unitId: string, from: Date) => filterOf({ unitId }, from);

async function trend(ctx: AuthedContext, filter: Filter): Promise<TrendPoint[]> {
  const rows = await queryRows<{ month: string | Date; n: number; avg: number | null; pass: number | null }>(
    ctx.db,
    reportSql.trend(filter),
  );
  return rows.map((row) => ({
    month: new Date(row.month).toISOString().slice(0, 7),
    evaluations: Number(row.n),
    averageScore: row.avg === null ? null : Math.round(Number(row.avg) * 10) / 10,
    passRate: row.pass === null ? null : Math.round(Number(row.pass) * 1000) / 10,
  }));
}

async function criteria(ctx: AuthedContext, filter: Filter): Promise<CriterionAverage[]> {
  const rows = await queryRows<{ key: string; avg: number; n: number }>(ctx.db, reportSql.criteria(filter));
  const versions = await queryRows<{ content: FormContent | string }>(
    ctx.db,
    sql`select v.content from quality_form_versions v
        where v.id in (select distinct e.form_version_id from quality_evaluations e where ${filter})
        order by v.created_at desc`,
  );
  const titles = new Map<string, string>();
  for (const { content } of versions) {
    const form = (typeof content === "string" ? JSON.parse(content) : content) as FormContent;
    for (const criterion of formCriteria(form))
      if (!titles.has(criterion.key)) titles.set(criterion.key, criterion.title);
  }
  return rows.map((row) => ({
    criterionKey: row.key,
    title: titles.get(row.key) ?? row.key,
    average: Math.round(Number(row.avg) * 1000) / 10,
    answers: Number(row.n),
  }));
}

export interface UnitReport {
  unit: { id: string; name: string };
  from: string;
  trend: TrendPoint[];
  /** Ten buckets of the score: [0,10), [10,20), … [90,100]. */
  distribution: number[];
  weakestCriteria: CriterionAverage[];
  reviewers: { userId: string | null; name: string; evaluations: number; averageScore: number | null }[];
  nextReviewerCursor: string | null;
  openDisputes: number;
}

/**
 * Per unit: monthly average and pass rate, score distribution, weakest criteria, and reviewer activity
 * (keyset-paged by reviewer id). Reading it is audited; it names no employee.
 */
export async function unitReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { unitId: string; months: number; reviewerCursor?: string; reviewerLimit: number };
}): Promise<UnitReport> {
  const [unit] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.id, input.unitId), eq(units.organisationId, ctx.auth.actor.organisationId)));
  if (!unit) throw notFound("Unit");
  await authorize(
    ctx,
    "evaluation.report",
    { unitId: unit.id, organisationId: unit.organisationId },
    { type: "unit", id: unit.id },
  );
  const from = since(ctx, input.months);
  const filter = filterOf({ unitId: unit.id }, from);
  if (input.reviewerCursor && !/^[0-9a-f-]{36}$/.test(input.reviewerCursor)) {
    throw new DomainError("VALIDATION", "Not a valid cursor", {
      field: "reviewerCursor",
      reason: "cursor.invalid",
    });
  }
  const buckets = await queryRows<{ b: number; n: number }>(ctx.db, reportSql.distribution(filter));
  const distribution = Array.from({ length: 10 }, (_, i) =>
    Number(buckets.find((row) => Number(row.b) === i)?.n ?? 0),
  );
  const reviewerRows = await queryRows<{
    id: string | null;
    first: string | null;
    last: string | null;
    n: number;
    avg: number | null;
  }>(ctx.db, reportSql.reviewers(filter, input.reviewerCursor, input.reviewerLimit));
  const reviewerPage = reviewerRows.slice(0, input.reviewerLimit);
  const [open] = await queryRows<{ n: number }>(ctx.db, reportSql.openDisputes(unit.id));
  await audit(ctx.db, ctx, {
    action: "quality.report_read",
    outcome: "success",
    targetType: "unit",
    targetId: unit.id,
    details: { months: input.months },
  });
  return {
    unit: { id: unit.id, name: unit.name },
    from: from.toISOString(),
    trend: await trend(ctx, filter),
    distribution,
    weakestCriteria: (await criteria(ctx, filter)).slice(0, 5),
    reviewers: reviewerPage.map((row) => ({
      userId: row.id,
      name: `${row.first ?? ""} ${row.last ?? ""}`.trim(),
      evaluations: Number(row.n),
      averageScore: row.avg === null ? null : Math.round(Number(row.avg) * 10) / 10,
    })),
    nextReviewerCursor:
      reviewerRows.length > input.reviewerLimit ? (reviewerPage[reviewerPage.length - 1]?.id ?? null) : null,
    openDisputes: Number(open?.n ?? 0),
  };
}

async function staffInScope(
  ctx: AuthedContext,
  staffMemberId: string | undefined,
  permission: "evaluation.report" | "evaluation.read",
) {
  const id = staffMemberId ?? ctx.auth.actor.staffMemberId;
  if (!id)
    throw new DomainError("VALIDATION", "Choose a person", {
      field: "staffMemberId",
      reason: "quality.person_required",
    });
  const [person] = await ctx.db
    .select({
      id: staffMembers.id,
      unitId: staffMembers.unitId,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
      organisationId: units.organisationId,
    })
    .from(staffMembers)
    .innerJoin(units, eq(units.id, staffMembers.unitId))
    .where(eq(staffMembers.id, id));
  if (!person) throw notFound("Person");
  await authorize(
    ctx,
    permission,
    { unitId: person.unitId, organisationId: person.organisationId, ownerStaffMemberId: person.id },
    { type: "staff_member", id: person.id },
  );
  return person;
}

export interface EmployeeReport {
  person: { id: string; name: string };
  own: boolean;
  from: string;
  trend: TrendPoint[];
  strongestCriteria: CriterionAverage[];
  weakestCriteria: CriterionAverage[];
  /** Every criterion answered in the period, weakest first. */
  criteria: CriterionAverage[];
  openDisputes: number;
}

/** Per person (the person themself, or reviewers/trainers of their unit): scores over time and criteria. */
export async function employeeReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { staffMemberId?: string; months: number };
}): Promise<EmployeeReport> {
  const person = await staffInScope(ctx, input.staffMemberId, "evaluation.report");
  const own = isOwnCall(ctx, person.id);
  const from = since(ctx, input.months);
  const filter = filterOf({ staffMemberId: person.id }, from);
  const all = await criteria(ctx, filter);
  const [open] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(qualityDisputes)
    .innerJoin(qualityEvaluations, eq(qualityEvaluations.id, qualityDisputes.evaluationId))
    .where(and(eq(qualityEvaluations.staffMemberId, person.id), eq(qualityDisputes.status, "open")));
  if (!own) {
    await audit(ctx.db, ctx, {
      action: "quality.report_read",
      outcome: "success",
      targetType: "staff_member",
      targetId: person.id,
      details: { months: input.months },
    });
  }
  return {
    person: { id: person.id, name: `${person.firstName} ${person.lastName}` },
    own,
    from: from.toISOString(),
    trend: await trend(ctx, filter),
    strongestCriteria: [...all].reverse().slice(0, 3),
    weakestCriteria: all.slice(0, 3),
    criteria: all,
    openDisputes: Number(open?.n ?? 0),
  };
}

/** One person's evaluations, newest first, keyset-paged on (created_at, id); others' views are audited. */
export async function listEvaluations({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { staffMemberId?: string; cursor?: string; limit: number };
}): Promise<{ items: EvaluationListItem[]; nextCursor: string | null }> {
  const person = await staffInScope(ctx, input.staffMemberId, "evaluation.read");
  const own = isOwnCall(ctx, person.id);
  const after = decodeCursor(input.cursor);
  const rows = await ctx.db
    .select({
      evaluation: qualityEvaluations,
      reviewerFirst: users.firstName,
      reviewerLast: users.lastName,
      formName: sql<string>`(select v.content->>'name' from quality_form_versions v where v.id = ${qualityEvaluations.formVersionId})`,
      disputeStatus: qualityDisputes.status,
    })
    .from(qualityEvaluations)
    .leftJoin(users, eq(users.id, qualityEvaluations.reviewerUserId))
    .leftJoin(qualityDisputes, eq(qualityDisputes.evaluationId, qualityEvaluations.id))
    .where(
      and(
        eq(qualityEvaluations.staffMemberId, person.id),
        // Calibration answers are blind to everyone but their reviewer and the person.
        own
          ? undefined
          : sql`(${qualityEvaluations.calibrationId} is null or ${qualityEvaluations.reviewerUserId} = ${ctx.auth.user.id}::uuid)`,
        afterCursor(after),
      ),
    )
    .orderBy(desc(qualityEvaluations.createdAt), desc(qualityEvaluations.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  await auditEvaluationRead(
    ctx.db,
    ctx,
    page.map((row) => row.evaluation),
    "list",
  );
  const last = page[page.length - 1]?.evaluation;
  return {
    items: page.map(({ evaluation, reviewerFirst, reviewerLast, formName, disputeStatus }) => ({
      id: evaluation.id,
      recordingId: evaluation.recordingId,
      callStartedAt: evaluation.callStartedAt.toISOString(),
      staffMember: { id: person.id, name: `${person.firstName} ${person.lastName}` },
      reviewer: `${reviewerFirst ?? ""} ${reviewerLast ?? ""}`.trim(),
      formName,
      score: evaluation.score,
      passed: evaluation.passed,
      createdAt: evaluation.createdAt.toISOString(),
      acknowledged: evaluation.acknowledgedAt !== null,
      disputeStatus: disputeStatus ?? null,
      calibration: evaluation.calibrationId !== null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
