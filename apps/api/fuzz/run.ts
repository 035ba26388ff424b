import { cpus, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import { type AudioFuzzReport, emptyAudioReport } from "./fuzz-audio.js";
import { fuzzIngest } from "./fuzz-ingest.js";

/**
 * `pnpm fuzz`: the long fuzz run, outside CI. Mutated demo calls in all five accepted formats through
 * the sniffers (and, for short ones, the decoders), then through the real HTTP ingest. A hang is an
 * input that makes no progress for --hang-seconds; the worker is then replaced and the run goes on.
 *
 *   pnpm fuzz [--inputs 100000] [--http 3000] [--seed 20261206] [--hang-seconds 60]
 *             [--decode-every 3] [--concurrency 4] [--parallel 2] [--from 0]
 */
function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

const inputs = option("inputs", 100_000);
const http = option("http", 3_000);
const runSeed = option("seed", 20261206);
const hangMs = option("hang-seconds", 60) * 1000;
const decodeEvery = option("decode-every", 3);
const concurrency = option("concurrency", 4);

function merge(into: AudioFuzzReport, part: AudioFuzzReport) {
  into.inputs += part.inputs;
  into.accepted += part.accepted;
  into.refused += part.refused;
  into.decoded += part.decoded;
  into.crashes.push(...part.crashes);
  for (const [format, tally] of Object.entries(part.byFormat)) {
    const target = into.byFormat[format as keyof AudioFuzzReport["byFormat"]];
    target.inputs += tally.inputs;
    target.accepted += tally.accepted;
  }
  for (const [reason, count] of Object.entries(part.refusalReasons))
    into.refusalReasons[reason] = (into.refusalReasons[reason] ?? 0) + count;
}

/** One worker over [from, to); resolves with its report, or with the hanging index. */
function runChunk(from: number, to: number): Promise<{ report: AudioFuzzReport } | { hangAt: number }> {
  const progress = new SharedArrayBuffer(4);
  const current = new Int32Array(progress);
  Atomics.store(current, 0, from);
  const worker = new Worker(new URL("./audio-worker.ts", import.meta.url), {
    workerData: { runSeed, from, to, decodeEvery, progress },
    execArgv: ["--conditions=@kuulo/source", "--import", "tsx"],
  });
  return new Promise((resolve, reject) => {
    let last = Atomics.load(current, 0);
    let lastChange = Date.now();
    const watchdog = setInterval(() => {
      const now = Atomics.load(current, 0);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > hangMs) {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({ hangAt: now });
      }
    }, 1000);
    worker.once("message", (report: AudioFuzzReport) => {
      clearInterval(watchdog);
      resolve({ report });
    });
    worker.once("error", (error) => {
      clearInterval(watchdog);
      reject(error);
    });
  });
}

const started = Date.now();
const audio = emptyAudioReport();
const hangs: number[] = [];
const chunk = 2_500;
// Chunks of inputs [first, inputs) handed to `parallel` workers; a hang skips its input and goes on.
let nextChunk = option("from", 0);
async function lane() {
  while (nextChunk < inputs) {
    let from = nextChunk;
    const to = Math.min(inputs, from + chunk);
    nextChunk = to;
    while (from < to) {
      const result = await runChunk(from, to);
      if ("hangAt" in result) {
        hangs.push(result.hangAt);
        console.error(`hang at input ${result.hangAt}; continuing after it`);
        from = result.hangAt + 1;
        continue;
      }
      merge(audio, result.report);
      from = to;
    }
    process.stdout.write(
      `audio: ${audio.inputs} inputs (${audio.accepted} accepted, ${audio.refused} refused, ${audio.decoded} decoded), ${audio.crashes.length} crashes, ${hangs.length} hangs, ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  }
}
await Promise.all(Array.from({ length: option("parallel", 2) }, lane));
const audioSeconds = (Date.now() - started) / 1000;
const httpStarted = Date.now();
const ingest = await fuzzIngest({
  runSeed,
  count: http,
  concurrency,
  onProgress: (report) =>
    process.stdout.write(
      `http: ${report.uploads} uploads (${report.created} created, refused ${JSON.stringify(report.refused)}), ${report.crashes.length} crashes, ${Math.round((Date.now() - httpStarted) / 1000)} s\n`,
    ),
});
const httpSeconds = (Date.now() - httpStarted) / 1000;

const leftovers = Object.values(ingest.leftovers).reduce((sum, n) => sum + n, 0);
const summary = {
  runSeed,
  machine: {
    cpus: cpus().length,
    loadAverage: loadavg().map((n) => Number(n.toFixed(1))),
    node: process.version,
  },
  audio: { ...audio, crashes: audio.crashes.length, hangs: hangs.length, seconds: Math.round(audioSeconds) },
  http: { ...ingest, crashes: ingest.crashes.length, seconds: Math.round(httpSeconds) },
};
console.log(JSON.stringify(summary, null, 2));
for (const crash of [...audio.crashes, ...ingest.crashes].slice(0, 20)) console.error("crash:", crash);
const ok = audio.crashes.length === 0 && hangs.length === 0 && ingest.crashes.length === 0 && leftovers === 0;
console.log(ok ? "fuzz: 0 crashes, 0 hangs, nothing left behind" : "fuzz: FAILED (see above)");
process.exit(ok ? 0 : 1);
