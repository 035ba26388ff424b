import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { REPO_ROOT } from "../src/env.js";
import { runAudioBench } from "./audio-bench.js";
import { runAuditAppendBench } from "./audit-append-bench.js";
import { type BenchApp, startBenchApp } from "./bench-app.js";
import { type BenchDatabase, openPgliteBenchDb, openPostgresBenchDb } from "./bench-database.js";
import { ALL_PARTS, loadBenchEnv } from "./env.js";
import { measureFirstAudioFrame } from "./first-audio-frame.js";
import { BENCH_UNITS, insertBenchRecordings, prepareBenchStaff } from "./generate-recordings.js";
import { keepAliveAgent } from "./http-client.js";
import {
  ingestOne,
  ingestRouteExists,
  loadDemoFiles,
  runIngestBench,
  storedBytesPerCallMinute,
} from "./ingest-bench.js";
import { longWavFrom } from "./long-recording.js";
import { budget, round } from "./measure.js";
import { nginxAvailable, startNginx } from "./nginx.js";
import { runQualityReportBench } from "./quality-report-bench.js";
import { type BenchResults, machine, type SearchRun, summaryTable, writeResults } from "./report.js";
import { measureSessionBaseline, runSearchBench } from "./search-bench.js";
import { measureSessionCheck } from "./session-check-bench.js";
import { spaInitialJs } from "./spa-size.js";
import { runStreamBench } from "./stream-bench.js";

const env = loadBenchEnv();
const log = (line: string) => console.log(line);
const LONG_CALL_SECONDS = 300;
/** The innermost cause's message (drizzle wraps driver errors in "Failed query: …"). */
const reason = (error: unknown): string => {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return (current instanceof Error ? current.message : String(current)).slice(0, 300);
};

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: machine(),
  search: [],
  streaming: { skipped: "not run" },
  ingest: { skipped: "not run" },
  storedBytes: { skipped: "not run" },
  spaInitialJs: [],
  timeToFirstAudioFrame: { runs: [], medianMs: null, skipped: "not run" },
  notes: [],
};

/** Grows the table to each scale in turn and measures search there. */
async function searchAtScales(database: BenchDatabase, app: BenchApp, scales: number[]): Promise<void> {
  await prepareBenchStaff(database.kuuloDb.db);
  let current = 0;
  for (const scale of scales) {
    log(`[search] ${database.label}: inserting recordings ${current + 1}–${scale} …`);
    const started = performance.now();
    await insertBenchRecordings(database.kuuloDb.db, current, scale);
    const insertSeconds = round((performance.now() - started) / 1000, 1);
    current = scale;
    log(
      `[search] ${database.label} at ${scale.toLocaleString("en")} recordings (inserted in ${insertSeconds} s):`,
    );
    const bounds = { maxIterations: 400, maxMs: budget(3000, env.timeFactor) };
    const run: SearchRun = {
      database: database.label,
      recordings: scale,
      trainerUnitRecordings: Math.round(scale / BENCH_UNITS),
      insertSeconds,
      shapes: await runSearchBench(database.kuuloDb, app, bounds, log),
      sessionBaseline: await measureSessionBaseline(app, bounds),
    };
    log(
      `  auth.me (session only)             API p50 ${run.sessionBaseline.p50Ms} p95 ${run.sessionBaseline.p95Ms} ms`,
    );
    run.sessionCheck = await measureSessionCheck(database.kuuloDb, app, bounds);
    log(
      `  session check in-process           cached p50 ${run.sessionCheck.cached.p50Ms} ms | read afresh p50 ${run.sessionCheck.fresh.p50Ms} ms`,
    );
    results.search.push(run);
  }
}

async function ingestAndStream(database: BenchDatabase, app: BenchApp): Promise<void> {
  if (!(await ingestRouteExists(app))) {
    const skipped = "not available (POST /ingest/v1/recordings is not mounted yet)";
    results.ingest = { skipped };
    results.storedBytes = { skipped };
    results.streaming = { skipped: "not available (needs ingested recordings)" };
    return;
  }
  const files = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
  log(`[ingest] ${files.length} demo files through POST /ingest/v1/recordings vs fs.copyFile …`);
  const ingest = await runIngestBench(
    app,
    files,
    { maxIterations: files.length * 3, maxMs: budget(60_000, env.timeFactor) },
    app.config.ingest.workers,
  );
  const { ingested, ...summary } = ingest;
  results.ingest = summary;
  log(`[ingest] ${summary.callMinutesPerMinute} call-min/min (copy ${summary.copy.callMinutesPerMinute})`);
  results.storedBytes = await storedBytesPerCallMinute(
    database.kuuloDb,
    app.config.ingest.sourceSystem,
    app.config.storage.fsRoot,
  );

  const listenable = ingested.filter((recording) => recording.unitCode === "HKI-ASPA").slice(0, 6);
  const wav = files.find((file) => file.file.endsWith(".wav") && file.bytes.readUInt16LE(20) === 1);
  const long = wav ? longWavFrom(wav, LONG_CALL_SECONDS, "bench-long-call") : undefined;
  const agent = keepAliveAgent(1);
  const longRecording = long
    ? await ingestOne(agent, app, long, {
        ...long.metadata,
        firstName: "Pitkä",
        lastName: "Puhelu",
        username: "pitka.puhelu",
        unitCode: "HKI-ASPA",
      })
    : undefined;
  agent.destroy();
  const haveNginx = await nginxAvailable(env.nginxPath);
  if (!haveNginx)
    results.notes.push(`nginx not found at ${env.nginxPath}: streaming measured without the nginx baseline`);
  const nginx = haveNginx ? await startNginx(env.nginxPath) : null;
  const bounds = { maxIterations: 5000, maxMs: budget(6000, env.timeFactor) };
  try {
    const sets = [
      { name: "demo calls (24–57 s)", recordings: listenable },
      ...(longRecording
        ? [{ name: `one ${LONG_CALL_SECONDS / 60}-minute call`, recordings: [longRecording] }]
        : []),
    ];
    const measured = [];
    for (const set of sets) {
      if (set.recordings.length === 0) continue;
      log(`[stream] ${set.name}: API vs ${nginx ? "nginx" : "(no nginx)"} …`);
      measured.push({ set: set.name, ...(await runStreamBench(app, set.recordings, nginx, bounds, 4)) });
    }
    results.streaming =
      measured.length > 0 ? measured : { skipped: "no ingested recording in the trainer's unit" };
  } finally {
    await nginx?.stop();
  }
}

async function postgresPart(): Promise<void> {
  let database: BenchDatabase;
  try {
    database = await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
  } catch (error) {
    results.notes.push(`PostgreSQL unavailable (${reason(error)}): PostgreSQL runs skipped`);
    return;
  }
  let app: BenchApp | undefined;
  try {
    app = await startBenchApp(database.kuuloDb, { databaseUrl: database.databaseUrl });
    if (env.parts.has("ingest")) {
      try {
        await ingestAndStream(database, app);
      } catch (error) {
        results.notes.push(`ingest/streaming failed: ${reason(error)}`);
        if ("skipped" in results.streaming) results.streaming = { skipped: `failed: ${reason(error)}` };
      }
    }
    if (env.parts.has("search")) await searchAtScales(database, app, env.postgresScales);
    if (env.parts.has("audit") && database.databaseUrl) {
      log("[audit] appends/s with 1 and 3 instances, with the previous global lock and without …");
      try {
        results.auditAppends = await runAuditAppendBench(
          database.kuuloDb,
          database.databaseUrl,
          budget(10_000, env.timeFactor),
          [1, 8],
          log,
        );
      } catch (error) {
        results.auditAppends = { skipped: `failed: ${reason(error)}` };
      }
    }
    const largest = env.postgresScales.at(-1) ?? 0;
    const evaluations = Math.min(env.qualityEvaluations, largest);
    if (!env.parts.has("search")) {
      // The quality report is measured beside the search, on the same database.
    } else if (evaluations > 0) {
      try {
        const bounds = { maxIterations: 200, maxMs: budget(3000, env.timeFactor) };
        results.qualityReport = await runQualityReportBench(database.kuuloDb, app, evaluations, bounds, log);
      } catch (error) {
        results.qualityReport = { skipped: `failed: ${reason(error)}` };
      }
    } else {
      results.qualityReport = { skipped: "KUULO_BENCH_QUALITY_EVALUATIONS=0" };
    }
  } catch (error) {
    results.notes.push(`PostgreSQL search failed: ${reason(error)}`);
  } finally {
    await app?.close();
    await database.close();
  }
}

async function pglitePart(): Promise<void> {
  if (env.pgliteScale <= 0 || !env.parts.has("pglite")) return;
  const database = await openPgliteBenchDb();
  let app: BenchApp | undefined;
  try {
    app = await startBenchApp(database.kuuloDb);
    await searchAtScales(database, app, [env.pgliteScale]);
  } catch (error) {
    results.notes.push(`PGlite search failed: ${reason(error)}`);
  } finally {
    await app?.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  await postgresPart();
  await pglitePart();
  if (env.parts.has("audio"))
    results.audio = await runAudioBench(join(REPO_ROOT, "apps", "api", "demo-data"), env.importMinutes, log);
  if (env.parts.has("spa"))
    for (const app of ["admin", "training"]) results.spaInitialJs.push(await spaInitialJs(REPO_ROOT, app));
  if (env.parts.has("frame")) {
    log("[first audio frame] apps/training/bench/first-audio-frame.ts (Chromium) …");
    results.timeToFirstAudioFrame = await measureFirstAudioFrame(
      REPO_ROOT,
      3,
      120_000,
      budget(100_000, env.timeFactor),
    );
  }
  results.finishedAt = new Date().toISOString();
  results.machine.loadAverageAtEnd = loadavg().map((value) => round(value, 2));
  results.notes.push(`total bench time ${round((performance.now() - started) / 1000, 0)} s`);
  const partial = ALL_PARTS.some((part) => !env.parts.has(part));
  const file = await writeResults(REPO_ROOT, results, partial ? { only: [...env.parts] } : {});
  log(summaryTable(results));
  log(`\nResults written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
  },
);
