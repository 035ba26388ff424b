import type { KuuloDb } from "@kuulo/db/client";
import {
  encodeRecordingCursor,
  type ListRecordingsPageInput,
  type RecordingScope,
  recordingCountQuery,
  recordingSummariesQuery,
} from "@kuulo/db/queries";
import { staffMembers, units } from "@kuulo/db/schema";
import { and, eq, sql } from "drizzle-orm";
import type { BenchApp } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { type Bounds, type LatencyStats, measureLatency, round } from "./measure.js";
import { rawRunner, toDriverQuery } from "./raw-sql.js";

/** auth.me through the same HTTP stack: the cost of a request, tRPC and session validation alone. */
export async function measureSessionBaseline(bench: BenchApp, bounds: Bounds): Promise<LatencyStats> {
  const agent = keepAliveAgent(1);
  try {
    return await measureLatency(bounds, async () => {
      const response = await httpRequest(agent, `${bench.baseUrl}/trpc/auth.me`, {
        headers: { cookie: bench.trainerCookie },
      });
      if (response.status !== 200) throw new Error(`auth.me → ${response.status}`);
    });
  } finally {
    agent.destroy();
  }
}

export interface SearchShapeResult {
  shape: string;
  rowsReturned: number;
  api: LatencyStats;
  sql: LatencyStats;
  /** API p50 / SQL p50. */
  ratioP50: number;
  ratioP95: number;
}

interface Shape {
  name: string;
  procedure: "recordings.find" | "recordings.count";
  apiInput: Record<string, unknown>;
  dbInput: Omit<ListRecordingsPageInput, "scope">;
}

/** The row at a given depth of the trainer's listing, as the cursor a client would hold there (setup only). */
async function cursorAtDepth(kuuloDb: KuuloDb, unitId: string, depth: number) {
  const rows = await kuuloDb.db.execute(sql`
    select call_started_at as t, id from recordings where unit_id = ${unitId} and deleted_at is null
    order by call_started_at desc, id desc offset ${depth - 1} limit 1`);
  const row = (Array.isArray(rows) ? rows[0] : (rows as { rows: unknown[] }).rows[0]) as
    | { t: string | Date; id: string }
    | undefined;
  if (!row) return undefined;
  return { callStartedAt: new Date(row.t), id: row.id };
}

async function shapesFor(kuuloDb: KuuloDb, unitId: string, unitRows: number): Promise<Shape[]> {
  const [staff] = await kuuloDb.db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(and(eq(staffMembers.unitId, unitId), sql`${staffMembers.username} like 'bench.staff.%'`))
    .limit(1);
  // A week inside the generated span at every scale (100k rows cover 16 days, 1M rows 162 days).
  const window = { from: "2025-01-02T00:00:00.000Z", to: "2025-01-09T00:00:00.000Z" };
  const durations = { durationMinMs: 120_000, durationMaxMs: 300_000 };
  const shapes: Shape[] = [
    {
      name: "first page, no filter",
      procedure: "recordings.find",
      apiInput: { limit: 50 },
      dbInput: { limit: 50 },
    },
    {
      name: "first page, oldest first",
      procedure: "recordings.find",
      apiInput: { limit: 50, order: "asc" },
      dbInput: { limit: 50, order: "asc" },
    },
    {
      name: "staff member filter",
      procedure: "recordings.find",
      apiInput: { limit: 50, staffMemberId: staff?.id },
      dbInput: { limit: 50, staffMemberId: staff?.id },
    },
    {
      name: "week window + duration 2–5 min",
      procedure: "recordings.find",
      apiInput: { limit: 50, ...window, ...durations },
      dbInput: {
        limit: 50,
        callStartedFrom: new Date(window.from),
        callStartedBefore: new Date(window.to),
        ...durations,
      },
    },
  ];
  for (const depth of [5_000, Math.floor(unitRows * 0.9)]) {
    const after = depth > 50 ? await cursorAtDepth(kuuloDb, unitId, depth) : undefined;
    if (!after) continue;
    shapes.push({
      name: `keyset page at row ${depth.toLocaleString("en")}`,
      procedure: "recordings.find",
      apiInput: { limit: 50, cursor: `d${encodeRecordingCursor(after)}` },
      dbInput: { limit: 50, after },
    });
  }
  shapes.push(
    { name: "count (capped at 10,000)", procedure: "recordings.count", apiInput: {}, dbInput: { limit: 1 } },
    {
      name: "count, staff member filter",
      procedure: "recordings.count",
      apiInput: { staffMemberId: staff?.id },
      dbInput: { limit: 1, staffMemberId: staff?.id },
    },
  );
  return shapes;
}

/**
 * recordings.find / count through HTTP tRPC with the trainer's session, against the same SQL (the text
 * drizzle generates for the service, trainer scope included) run directly on the driver.
 */
export async function runSearchBench(
  kuuloDb: KuuloDb,
  bench: BenchApp,
  bounds: Bounds,
  log: (line: string) => void,
): Promise<SearchShapeResult[]> {
  const [unit] = await kuuloDb.db.select({ id: units.id }).from(units).where(eq(units.code, "HKI-ASPA"));
  if (!unit) throw new Error("no trainer unit");
  const scope: RecordingScope = { all: false, unitIds: [unit.id], staffMemberIds: [], disclosureIds: [] };
  const unitRowsResult = await kuuloDb.db.execute(
    sql`select count(*)::int as n from recordings where unit_id = ${unit.id}`,
  );
  const unitRow = (
    Array.isArray(unitRowsResult) ? unitRowsResult[0] : (unitRowsResult as { rows: unknown[] }).rows[0]
  ) as {
    n: number;
  };
  const run = rawRunner(kuuloDb);
  const agent = keepAliveAgent(1);
  const results: SearchShapeResult[] = [];
  try {
    for (const shape of await shapesFor(kuuloDb, unit.id, Number(unitRow.n))) {
      const dbInput = { ...shape.dbInput, scope };
      const built =
        shape.procedure === "recordings.find"
          ? recordingSummariesQuery(kuuloDb.db, dbInput)
          : recordingCountQuery(kuuloDb.db, { ...dbInput, cap: 10_000 });
      if (built === "nothing") throw new Error("trainer scope is empty");
      const { text, params } = toDriverQuery(built);
      const url = `${bench.baseUrl}/trpc/${shape.procedure}?input=${encodeURIComponent(JSON.stringify(shape.apiInput))}`;
      const callApi = async () => {
        const response = await httpRequest(agent, url, { headers: { cookie: bench.trainerCookie } });
        if (response.status !== 200)
          throw new Error(`${shape.procedure} → ${response.status} ${response.body}`);
        return JSON.parse(response.body.toString()) as {
          result: { data: { items?: unknown[]; count?: number } };
        };
      };
      const sample = await callApi();
      const sqlRows = await run(text, params);
      const apiRows = sample.result.data.items?.length ?? sample.result.data.count ?? 0;
      const sqlCount =
        shape.procedure === "recordings.find"
          ? Math.min(sqlRows.length, 50)
          : Math.min(10_000, Number((sqlRows[0] as { n: number }).n));
      if (apiRows !== sqlCount) log(`  ! ${shape.name}: API returned ${apiRows}, SQL ${sqlCount}`);
      const api = await measureLatency(bounds, callApi);
      const direct = await measureLatency(bounds, () => run(text, params));
      const result: SearchShapeResult = {
        shape: shape.name,
        rowsReturned: apiRows,
        api,
        sql: direct,
        ratioP50: round(api.p50Ms / direct.p50Ms, 2),
        ratioP95: round(api.p95Ms / direct.p95Ms, 2),
      };
      log(
        `  ${shape.name.padEnd(34)} API p50 ${api.p50Ms.toFixed(2)} p95 ${api.p95Ms.toFixed(2)} ms | SQL p50 ${direct.p50Ms.toFixed(2)} p95 ${direct.p95Ms.toFixed(2)} ms | ×${result.ratioP50} (n=${api.n}/${direct.n})`,
      );
      results.push(result);
    }
  } finally {
    agent.destroy();
  }
  return results;
}
