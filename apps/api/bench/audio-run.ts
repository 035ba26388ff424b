import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT } from "../src/env.js";
import { audioSummaryLines, runAudioBench } from "./audio-bench.js";
import { loadBenchEnv } from "./env.js";
import { machine } from "./report.js";

// `pnpm bench:audio`: only the audio rows (stored form, import memory), into bench-results/audio.json.
const env = loadBenchEnv();
const started = machine();
const audio = await runAudioBench(
  join(REPO_ROOT, "apps", "api", "demo-data"),
  env.importMinutes,
  console.log,
);
const dir = join(REPO_ROOT, "bench-results");
await mkdir(dir, { recursive: true });
await writeFile(join(dir, "audio.json"), `${JSON.stringify({ machine: started, audio }, null, 2)}\n`);
console.log(audioSummaryLines(audio).join("\n"));
