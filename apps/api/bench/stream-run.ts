import { mkdir, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../src/env.js";
import { startBenchApp } from "./bench-app.js";
import { openPostgresBenchDb } from "./bench-database.js";
import { loadBenchEnv } from "./env.js";
import { keepAliveAgent } from "./http-client.js";
import { type IngestedRecording, ingestOne, loadDemoFiles } from "./ingest-bench.js";
import { longWavFrom } from "./long-recording.js";
import { budget, round } from "./measure.js";
import { nginxAvailable, startNginx } from "./nginx.js";
import { machine } from "./report.js";
import { runStreamBench } from "./stream-bench.js";

// `pnpm --filter @kuulo/api bench:stream`: only the streaming rows of `pnpm bench` (API against nginx on
// the same bytes, the same sets, bounds and load client), without the ingest throughput run before them,
// into bench-results/stream.json. KUULO_BENCH_DATABASE names the database (created and dropped).
const LONG_CALL_SECONDS = 300;
const env = loadBenchEnv();
const started = machine();
const database = await openPostgresBenchDb(env.postgresServerUrl, env.postgresDatabase);
const bench = await startBenchApp(database.kuuloDb, { databaseUrl: database.databaseUrl });
const nginx = (await nginxAvailable(env.nginxPath)) ? await startNginx(env.nginxPath) : null;
try {
  const files = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
  const agent = keepAliveAgent(1);
  const demo: IngestedRecording[] = [];
  // The first six of the trainer's unit in the order `pnpm bench` ingests them (round 0, then round 1).
  const unit = files.filter((candidate) => candidate.metadata.unitCode === "HKI-ASPA");
  for (let i = 0; i < 6; i++) {
    const file = unit[i % unit.length];
    if (!file) throw new Error("no demo call of HKI-ASPA");
    const id = `${String(file.metadata.sourceRecordingId)}.bench-${Math.floor(i / unit.length)}`;
    demo.push(await ingestOne(agent, bench, file, { ...file.metadata, sourceRecordingId: id }));
  }
  const wav = files.find((file) => file.file.endsWith(".wav") && file.bytes.readUInt16LE(20) === 1);
  if (!wav) throw new Error("no PCM WAV among the demo calls");
  const long = longWavFrom(wav, LONG_CALL_SECONDS, "bench-long-call");
  const longRecording = await ingestOne(agent, bench, long, {
    ...long.metadata,
    firstName: "Pitkä",
    lastName: "Puhelu",
    username: "pitka.puhelu",
    unitCode: "HKI-ASPA",
  });
  agent.destroy();
  const bounds = { maxIterations: 5000, maxMs: budget(6000, env.timeFactor) };
  const sets = [
    { name: "demo calls (24–57 s)", recordings: demo },
    { name: `one ${LONG_CALL_SECONDS / 60}-minute call`, recordings: [longRecording] },
  ];
  const streaming = [];
  for (const set of sets) {
    const result = await runStreamBench(bench, set.recordings, nginx, bounds, 4);
    streaming.push({ set: set.name, ...result });
    const line = (name: string, row: typeof result.smallRanges) =>
      `  ${name}: API ${row.api.requestsPerSecond} req/s ${row.api.mebibytesPerSecond} MiB/s | nginx ` +
      `${row.nginx?.requestsPerSecond} req/s ${row.nginx?.mebibytesPerSecond} MiB/s | API/nginx ` +
      `${row.nginx ? round(row.api.mebibytesPerSecond / row.nginx.mebibytesPerSecond, 2) : "–"}`;
    console.log(
      [
        `${set.name} (${result.files} files, mean ${result.meanFileBytes} B):`,
        line("64 KiB ranges                      ", result.smallRanges),
        line("whole files                        ", result.wholeFiles),
        line("64 KiB ranges, every byte decrypted", result.everyByteDecrypted.smallRanges),
        line("whole files, every byte decrypted  ", result.everyByteDecrypted.wholeFiles),
        `  one range at a time p50: API ${result.rangeLatency.api.p50Ms} ms, nginx ${result.rangeLatency.nginx?.p50Ms} ms`,
      ].join("\n"),
    );
  }
  const loadAtEnd = loadavg().map((value) => round(value, 2));
  console.log(`load average at start ${started.loadAverageAtStart.join(" ")}, at end ${loadAtEnd.join(" ")}`);
  const dir = join(REPO_ROOT, "bench-results");
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "stream.json"),
    `${JSON.stringify({ machine: { ...started, loadAverageAtEnd: loadAtEnd }, streaming }, null, 2)}\n`,
  );
} finally {
  await nginx?.stop();
  await bench.close();
  await database.close();
}
