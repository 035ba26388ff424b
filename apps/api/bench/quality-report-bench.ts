import type { KuuloDb } from "@kuulo/db/client";
import { qualityForms, qualityFormVersions, qualitySettings, units, users } from "@kuulo/db/schema";
import { formContentSchema } from "@kuulo/domain/quality";
import { eq, sql } from "drizzle-orm";
import { reportSql, unitReportFilter } from "../src/services/quality/reports.js";
import type { BenchApp } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { type Bounds, type LatencyStats, measureLatency, round } from "./measure.js";
import { rawRunner, toDriverQuery } from "./raw-sql.js";

export interface QualityReportResult {
  evaluations: number;
  moments: number;
  unitEvaluations: number;
  insertSeconds: number;
  api: LatencyStats;
  sql: LatencyStats;
  ratioP50: number;
  ratioP95: number;
}

const FORM = formContentSchema.parse({
  name: "Bench form",
  sections: [
    {
      key: "s",
      title: "S",
      criteria: [
        { key: "greeting", title: "Greeting", answerType: "yes_no", weight: 10 },
        { key: "need", title: "Need", answerType: "scale_1_5", weight: 30 },
        { key: "offer", title: "Offer", answerType: "yes_no", weight: 10, allowNa: true },
        { key: "summary", title: "Summary", answerType: "yes_no", weight: 20 },
      ],
    },
  ],
});

/**
 * Evaluations of the first `count` bench recordings (answers with their fractions, scores spread over
 * 0–100, created over the last eleven months) and ten moments each, with INSERT … SELECT.
 */
async function insertBenchQuality(kuuloDb: KuuloDb, count: number): Promise<number> {
  const db = kuuloDb.db;
  const started = performance.now();
  await db
    .insert(qualitySettings)
    .values({ singleton: true, enabled: true, retentionDays: 730 })
    .onConflictDoNothing();
  const [trainer] = await db.select().from(users).where(eq(users.username, "kouluttaja"));
  if (!trainer) throw new Error("no demo trainer");
  const [form] = await db.insert(qualityForms).values({ organisationId: trainer.organisationId }).returning();
  const [version] = await db
    .insert(qualityFormVersions)
    .values({
      formId: form?.id ?? "",
      version: 1,
      status: "published",
      content: FORM,
      publishedAt: new Date(),
    })
    .returning();
  await db.execute(sql`
    insert into quality_evaluations (recording_id, unit_id, staff_member_id, call_started_at, form_version_id,
      reviewer_user_id, answers, score, raw_score, passed, created_at)
    select r.id, r.unit_id, r.staff_member_id, r.call_started_at, ${version?.id ?? ""}::uuid, ${trainer.id}::uuid,
      jsonb_build_array(
        jsonb_build_object('criterionKey', 'greeting', 'value', 'yes', 'fraction', 1),
        jsonb_build_object('criterionKey', 'need', 'value', 1 + r.n % 5, 'fraction', (r.n % 5) / 4.0),
        jsonb_build_object('criterionKey', 'offer', 'value', 'na', 'fraction', null),
        jsonb_build_object('criterionKey', 'summary', 'value', case when r.n % 3 = 0 then 'no' else 'yes' end,
          'fraction', case when r.n % 3 = 0 then 0 else 1 end)),
      (r.n % 101)::real, (r.n % 101)::real, r.n % 101 >= 80,
      now() - ((r.n % 330) * interval '1 day')
    from (select id, unit_id, staff_member_id, call_started_at, row_number() over (order by id) as n
          from recordings where source_system_id = 'bench' order by id limit ${count}) r`);
  await db.execute(sql`
    insert into quality_moments (recording_id, evaluation_id, author_user_id, kind, start_ms, end_ms, text, created_at)
    select e.recording_id, e.id, e.reviewer_user_id,
      (array['praise','improve','question'])[1 + g % 3]::quality_moment_kind, g * 1000, g * 1000 + 500,
      'Bench feedback', e.created_at
    from quality_evaluations e cross join generate_series(0, 9) g`);
  await db.execute(sql`analyze quality_evaluations`);
  await db.execute(sql`analyze quality_moments`);
  return round((performance.now() - started) / 1000, 1);
}

/** quality.reports.unit for the trainer's unit through HTTP tRPC, against its five statements on the driver. */
export async function runQualityReportBench(
  kuuloDb: KuuloDb,
  bench: BenchApp,
  count: number,
  bounds: Bounds,
  log: (line: string) => void,
): Promise<QualityReportResult> {
  log(
    `[quality] inserting ${count.toLocaleString("en")} evaluations and ${(count * 10).toLocaleString("en")} moments …`,
  );
  const insertSeconds = await insertBenchQuality(kuuloDb, count);
  const [unit] = await kuuloDb.db.select({ id: units.id }).from(units).where(eq(units.code, "HKI-ASPA"));
  if (!unit) throw new Error("no trainer unit");
  const now = new Date();
  // The service's window: from the first day of the month eleven months back (12 months incl. this one).
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const filter = unitReportFilter(unit.id, from);
  const statements = [
    reportSql.distribution(filter),
    reportSql.reviewers(filter, undefined, 20),
    reportSql.openDisputes(unit.id),
    reportSql.trend(filter),
    reportSql.criteria(filter),
  ].map((statement) => toDriverQuery(statement));
  const run = rawRunner(kuuloDb);
  const runSql = async () => {
    for (const { text, params } of statements) await run(text, params);
  };
  const counted = await run(`select count(*)::int as n from quality_evaluations where unit_id = $1`, [
    unit.id,
  ]);
  const unitEvaluations = Number((counted[0] as { n: number }).n);
  const agent = keepAliveAgent(1);
  const url = `${bench.baseUrl}/trpc/quality.reports.unit?input=${encodeURIComponent(JSON.stringify({ unitId: unit.id }))}`;
  try {
    const callApi = async () => {
      const response = await httpRequest(agent, url, { headers: { cookie: bench.trainerCookie } });
      if (response.status !== 200)
        throw new Error(`quality.reports.unit → ${response.status} ${response.body}`);
    };
    await callApi();
    const api = await measureLatency(bounds, callApi);
    const direct = await measureLatency(bounds, runSql);
    const result: QualityReportResult = {
      evaluations: count,
      moments: count * 10,
      unitEvaluations,
      insertSeconds,
      api,
      sql: direct,
      ratioP50: round(api.p50Ms / direct.p50Ms, 2),
      ratioP95: round(api.p95Ms / direct.p95Ms, 2),
    };
    log(
      `  quality.reports.unit (${unitEvaluations.toLocaleString("en")} in unit) API p50 ${api.p50Ms.toFixed(2)} p95 ${api.p95Ms.toFixed(2)} ms | SQL p50 ${direct.p50Ms.toFixed(2)} p95 ${direct.p95Ms.toFixed(2)} ms | ×${result.ratioP50}`,
    );
    return result;
  } finally {
    agent.destroy();
  }
}
