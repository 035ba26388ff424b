import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";
import { REPO_ROOT } from "../src/env.js";
import { startBenchApp } from "./bench-app.js";
import { openPgliteBenchDb, openPostgresBenchDb } from "./bench-database.js";
import { loadBenchEnv } from "./env.js";
import { keepAliveAgent } from "./http-client.js";
import { ingestOne, loadDemoFiles } from "./ingest-bench.js";
import { longWavFrom } from "./long-recording.js";
import { budget } from "./measure.js";
import { machine } from "./report.js";
import { breakdownLines, runStreamBreakdown } from "./stream-breakdown.js";

// `pnpm --filter @kuulo/api bench:stream-breakdown`: where a Range request's time goes, full path against
// the fast path, into bench-results/stream-breakdown.json. KUULO_BENCH_BREAKDOWN_DB=pglite for PGlite.
const env = loadBenchEnv();
const started = machine();
const database =
  process.env.KUULO_BENCH_BREAKDOWN_DB === "pglite"
    ? await openPgliteBenchDb()
    : await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
const bench = await startBenchApp(database.kuuloDb, { databaseUrl: database.databaseUrl });
try {
  const files = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
  const wav = files.find((file) => file.file.endsWith(".wav") && file.bytes.readUInt16LE(20) === 1);
  if (!wav) throw new Error("no PCM WAV among the demo calls");
  const long = longWavFrom(wav, 300, "bench-breakdown-call");
  const agent = keepAliveAgent(1);
  const recording = await ingestOne(agent, bench, long, {
    ...long.metadata,
    firstName: "Pitkä",
    lastName: "Puhelu",
    username: "pitka.puhelu",
    unitCode: "HKI-ASPA",
  });
  agent.destroy();
  const [row] = await queryRows<{ stored_size_bytes: number | string }>(
    database.kuuloDb.db,
    sql`select stored_size_bytes from recordings where id = ${recording.id}`,
  );
  const size = Number(row?.stored_size_bytes ?? 0);
  const result = await runStreamBreakdown(bench, recording.id, size, {
    maxIterations: 2000,
    maxMs: budget(6000, env.timeFactor),
  });
  const dir = join(REPO_ROOT, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "stream-breakdown.json"),
    `${JSON.stringify({ machine: started, database: database.label, breakdown: result }, null, 2)}\n`,
  );
  console.log(
    [
      `${database.label}, load average ${started.loadAverageAtStart.join(" ")}`,
      ...breakdownLines(result),
    ].join("\n"),
  );
} finally {
  await bench.close();
  await database.close();
}
