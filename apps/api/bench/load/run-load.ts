import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/env.js";
import { loadBenchEnv } from "../env.js";
import { machine } from "../report.js";
import { loadKnobs, loadSummaryLines } from "./load-knobs.js";
import { runLoadTest } from "./load-test.js";

// `pnpm bench:load`: the multi-instance load test (BENCHMARKS.md, "Many instances under load"), into
// bench-results/load.json. Knobs: KUULO_LOAD_SECONDS, _LISTENERS, _TRAINERS, _INGEST_PER_SECOND,
// _INSTANCES, _THINK_MS, _DUE_RECORDINGS, _PURGE_EVERY_SECONDS.
const env = loadBenchEnv();
const knobs = loadKnobs(process.env);
const started = machine();
const report = await runLoadTest({
  ...knobs,
  serverUrl: env.postgresServerUrl,
  nginxPath: env.nginxPath,
  log: console.log,
});
const dir = join(REPO_ROOT, "bench-results");
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "load.json"), `${JSON.stringify({ machine: started, report }, null, 2)}\n`);
console.log(loadSummaryLines(report).join("\n"));
if (!report.clean) process.exitCode = 1;
