import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";
import { REPO_ROOT } from "../src/env.js";
import { startBenchApp } from "./bench-app.js";
import { openPostgresBenchDb } from "./bench-database.js";
import { loadBenchEnv } from "./env.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { ingestOne, loadDemoFiles } from "./ingest-bench.js";
import { longWavFrom } from "./long-recording.js";
import { round } from "./measure.js";
import { machine } from "./report.js";
import type { StreamLoadParams, ThroughputResult } from "./stream-load.js";

// `pnpm --filter @kuulo/api bench:stream-cpu`: CPU time per audio request on the fast path — the API
// process (all its threads) and its PostgreSQL backends — and the load client's, with the client in a
// process of its own. CPU time, unlike requests per second, hardly moves with what else the machine runs,
// so two versions can be compared on a shared machine.
const execFileAsync = promisify(execFile);
const TICKS_PER_SECOND = 100;
const env = loadBenchEnv();
const started = machine();
const database = await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
const bench = await startBenchApp(database.kuuloDb, { databaseUrl: database.databaseUrl });

async function backendCpuMicros(): Promise<number> {
  const rows = await queryRows<{ pid: number }>(
    database.kuuloDb.db,
    sql`select pid from pg_stat_activity where datname = current_database()`,
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return (ticks * 1_000_000) / TICKS_PER_SECOND;
}

async function measure(name: string, urls: string[], sizes: number[], range: boolean) {
  const params: StreamLoadParams = {
    mode: "throughput",
    urls,
    sizes,
    headers: { cookie: bench.trainerCookie },
    bounds: { maxIterations: 4000, maxMs: 20_000 },
    concurrency: 4,
    range,
    seed: 42,
  };
  const apiBefore = process.cpuUsage();
  const pgBefore = await backendCpuMicros();
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      "--conditions=@kuulo/source",
      "--import",
      "tsx",
      join("bench", "stream-load-child.ts"),
      JSON.stringify(params),
    ],
    { cwd: join(REPO_ROOT, "apps", "api"), maxBuffer: 1 << 20 },
  );
  const pg = (await backendCpuMicros()) - pgBefore;
  const api = process.cpuUsage(apiBefore);
  const { result, clientCpuMicros } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    result: ThroughputResult;
    clientCpuMicros: number;
  };
  const per = (micros: number) => round(micros / result.requests, 0);
  const row = {
    name,
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    apiCpuMicrosPerRequest: per(api.user + api.system),
    postgresCpuMicrosPerRequest: per(pg),
    clientCpuMicrosPerRequest: per(clientCpuMicros),
  };
  console.log(JSON.stringify(row));
  return row;
}

try {
  const files = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
  const agent = keepAliveAgent(1);
  const unit = files.filter((file) => file.metadata.unitCode === "HKI-ASPA");
  const demo = [];
  for (const file of unit) demo.push(await ingestOne(agent, bench, file, file.metadata));
  const wav = files.find((file) => file.file.endsWith(".wav") && file.bytes.readUInt16LE(20) === 1);
  if (!wav) throw new Error("no PCM WAV among the demo calls");
  const long = longWavFrom(wav, 300, "bench-long-call");
  const longRecording = await ingestOne(agent, bench, long, {
    ...long.metadata,
    firstName: "Pitkä",
    lastName: "Puhelu",
    username: "pitka.puhelu",
    unitCode: "HKI-ASPA",
  });
  const urlOf = (id: string) => `${bench.baseUrl}/media/recordings/${id}/audio`;
  const sizeOf = async (id: string) => {
    const response = await httpRequest(agent, urlOf(id), { headers: { cookie: bench.trainerCookie } });
    if (response.status !== 200) throw new Error(`audio of ${id} → ${response.status}`);
    return response.body.length;
  };
  const demoSizes = [];
  for (const recording of demo) demoSizes.push(await sizeOf(recording.id));
  const longSize = await sizeOf(longRecording.id);
  agent.destroy();
  const demoUrls = demo.map((recording) => urlOf(recording.id));
  const rows = [
    await measure("64 KiB ranges, 5-minute call", [urlOf(longRecording.id)], [longSize], true),
    await measure("64 KiB ranges, demo calls", demoUrls, demoSizes, true),
    await measure("whole files, demo calls", demoUrls, demoSizes, false),
    await measure("whole file, 5-minute call", [urlOf(longRecording.id)], [longSize], false),
  ];
  console.log(`load average at start ${started.loadAverageAtStart.join(" ")}`);
  console.table(rows);
} finally {
  await bench.close();
  await database.close();
}
