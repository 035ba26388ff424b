/**
 * Where a request's fixed cost goes: auth.me and a recordings page through HTTP, beside the database
 * round trips they are made of (auth epoch read, audit insert + commit, the page's SQL), on a small table
 * (the gap is per request, not per row). Run with `node --cpu-prof` for the CPU side.
 *   KUULO_PROFILE_ROWS (default 20000), KUULO_PROFILE_ITERATIONS (default 2000),
 *   KUULO_PROFILE_ONLY=me|find (default both), KUULO_BENCH_DATABASE (name your own: it is dropped first).
 */
import { appendAuditEvent } from "@kuulo/db/audit";
import { queryRows } from "@kuulo/db/client";
import { recordingSummariesQuery } from "@kuulo/db/queries";
import { units } from "@kuulo/db/schema";
import { eq, sql } from "drizzle-orm";
import { startBenchApp } from "./bench-app.js";
import { openPostgresBenchDb } from "./bench-database.js";
import { loadBenchEnv } from "./env.js";
import { insertBenchRecordings, prepareBenchStaff } from "./generate-recordings.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { measureLatency } from "./measure.js";
import { rawRunner, toDriverQuery } from "./raw-sql.js";

const env = loadBenchEnv();
const { rows, iterations, only } = env.profile;
const bounds = { maxIterations: iterations, maxMs: 60_000 };

const database = await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
const { kuuloDb } = database;
const app = await startBenchApp(kuuloDb, { databaseUrl: database.databaseUrl });
try {
  await prepareBenchStaff(kuuloDb.db);
  await insertBenchRecordings(kuuloDb.db, 0, rows);
  await kuuloDb.db.execute(sql`analyze`);
  const agent = keepAliveAgent(1);
  const get = (path: string) => async () => {
    const response = await httpRequest(agent, `${app.baseUrl}${path}`, {
      headers: { cookie: app.trainerCookie },
    });
    if (response.status !== 200) throw new Error(`${path} → ${response.status} ${response.body}`);
  };
  // CPU time per call (this process: client and server) says more than latency on a busy machine.
  let cpuMark = process.cpuUsage();
  const report = (name: string, stats: { p50Ms: number; p95Ms: number; n: number }) => {
    const cpu = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    const perCall = (cpu.user + cpu.system) / (stats.n + 5) / 1000;
    console.log(
      `${name.padEnd(28)} p50 ${stats.p50Ms.toFixed(3)} p95 ${stats.p95Ms.toFixed(3)} ms, CPU ${perCall.toFixed(3)} ms/call (n=${stats.n})`,
    );
  };

  const [unit] = await kuuloDb.db.select({ id: units.id }).from(units).where(eq(units.code, "HKI-ASPA"));
  const built = recordingSummariesQuery(kuuloDb.db, {
    limit: 50,
    scope: { all: false, unitIds: [unit?.id ?? ""], staffMemberIds: [], disclosureIds: [] },
  });
  if (built === "nothing") throw new Error("empty scope");
  const { text, params } = toDriverQuery(built);
  const run = rawRunner(kuuloDb);
  cpuMark = process.cpuUsage();
  if (!only) report("SQL first page", await measureLatency(bounds, () => run(text, params)));
  if (!only)
    report(
      "SQL auth epoch",
      await measureLatency(bounds, () =>
        queryRows(kuuloDb.db, sql`select value from auth_epoch where id = 1`),
      ),
    );
  if (!only)
    report(
      "SQL audit insert + commit",
      await measureLatency(bounds, () =>
        appendAuditEvent(kuuloDb.db, {
          actorType: "system",
          actorLabel: "profile",
          action: "recording.read",
          outcome: "success",
          occurredAt: new Date(),
        }),
      ),
    );
  cpuMark = process.cpuUsage();
  if (only !== "find") report("HTTP auth.me", await measureLatency(bounds, get("/trpc/auth.me")));
  if (only !== "me") {
    const input = encodeURIComponent(JSON.stringify({ limit: 50 }));
    cpuMark = process.cpuUsage();
    report("HTTP recordings.find", await measureLatency(bounds, get(`/trpc/recordings.find?input=${input}`)));
  }
  agent.destroy();
} finally {
  await app.close();
  await database.close();
}
