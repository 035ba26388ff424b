import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BenchApp } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import type { IngestedRecording } from "./ingest-bench.js";
import { type Bounds, type LatencyStats, round } from "./measure.js";
import type { Nginx } from "./nginx.js";
import type { StreamLoadParams, ThroughputResult } from "./stream-load.js";

export interface StreamResult {
  /** One request at a time, 64 KiB ranges: the per-request cost without queueing. */
  rangeLatency: { api: LatencyStats; nginx: LatencyStats | null };
  files: number;
  meanFileBytes: number;
  concurrency: number;
  /** The API as configured by default (KUULO_AUDIO_KEPT_PLAINTEXT_BYTES 64 MiB: a session keeps its chunks). */
  smallRanges: StreamPair;
  wholeFiles: StreamPair;
  /**
   * The same loads with KUULO_AUDIO_KEPT_PLAINTEXT_BYTES=0: every byte sent is read and decrypted for its
   * request (the random ranges re-read the same chunks, which the default keeps). Same nginx numbers.
   */
  everyByteDecrypted: { smallRanges: StreamPair; wholeFiles: StreamPair };
}

export interface StreamPair {
  api: ThroughputResult;
  nginx: ThroughputResult | null;
  ratio: number | null;
}

interface Target {
  url: (index: number) => string;
  headers: Record<string, string>;
}

/** Runs one load in a worker thread (its own event loop) and returns its result. */
function inWorker<T>(params: StreamLoadParams): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./stream-load-worker.ts", import.meta.url), {
      workerData: params,
      execArgv: ["--conditions=@kuulo/source", "--import", "tsx"],
    });
    worker.once("message", (result: T) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

function load(
  target: Target,
  sizes: number[],
  options: Omit<StreamLoadParams, "urls" | "sizes" | "headers">,
) {
  return {
    ...options,
    urls: sizes.map((_, index) => target.url(index)),
    sizes,
    headers: target.headers,
  };
}

/**
 * GET /media/recordings/:id/audio with the trainer's session (decrypting AES-GCM chunks per range) against
 * nginx serving the very same plaintext bytes from disk with sendfile, twice: the API as configured by
 * default and a sibling API that keeps no decrypted chunks. Fetches each file once through each API first
 * (which also writes the listening-session audit rows before measuring).
 */
export async function runStreamBench(
  bench: BenchApp,
  recordings: IngestedRecording[],
  nginx: Nginx | null,
  bounds: Bounds,
  concurrency: number,
): Promise<StreamResult> {
  const everyByte = await bench.sibling({ audioKeptPlaintextBytes: 0 });
  try {
    const api: Target = {
      url: (index) => `${bench.baseUrl}/media/recordings/${recordings[index]?.id}/audio`,
      headers: { cookie: bench.trainerCookie },
    };
    const decrypting: Target = {
      url: (index) => `${everyByte.baseUrl}/media/recordings/${recordings[index]?.id}/audio`,
      headers: { cookie: everyByte.trainerCookie },
    };
    const sizes = await fetchEach(recordings, api, nginx);
    // Its own listening session: the audit rows written before measuring, as for the default API.
    await fetchEach(recordings, decrypting, null);
    const plain: Target | null = nginx
      ? { url: (index) => `${nginx.baseUrl}/${recordings[index]?.id}.webm`, headers: {} }
      : null;
    const throughput = (target: Target, range: boolean) =>
      inWorker<ThroughputResult>(
        load(target, sizes, { mode: "throughput", bounds, concurrency, range, seed: 42 }),
      );
    const pair = (apiResult: ThroughputResult, nginxResult: ThroughputResult | null): StreamPair => ({
      api: apiResult,
      nginx: nginxResult,
      ratio: nginxResult ? round(nginxResult.mebibytesPerSecond / apiResult.mebibytesPerSecond, 1) : null,
    });
    const both = async (range: boolean) => {
      const kept = await throughput(api, range);
      const decrypted = await throughput(decrypting, range);
      const nginxResult = plain ? await throughput(plain, range) : null;
      return { kept: pair(kept, nginxResult), decrypted: pair(decrypted, nginxResult) };
    };
    const latency = (target: Target) =>
      inWorker<LatencyStats>(
        load(target, sizes, {
          mode: "latency",
          bounds: { maxIterations: 300, maxMs: Math.min(3000, bounds.maxMs) },
          concurrency: 1,
          range: true,
          seed: 7,
        }),
      );
    const rangeLatency = { api: await latency(api), nginx: plain ? await latency(plain) : null };
    const ranges = await both(true);
    const whole = await both(false);
    return {
      rangeLatency,
      files: sizes.length,
      meanFileBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
      concurrency,
      smallRanges: ranges.kept,
      wholeFiles: whole.kept,
      everyByteDecrypted: { smallRanges: ranges.decrypted, wholeFiles: whole.decrypted },
    };
  } finally {
    await everyByte.close();
  }
}

/** Each file fetched whole once through `target` (its sizes); written for nginx when given. */
async function fetchEach(recordings: IngestedRecording[], target: Target, nginx: Nginx | null) {
  const agent = keepAliveAgent(1);
  const sizes: number[] = [];
  try {
    for (const [index, recording] of recordings.entries()) {
      const response = await httpRequest(agent, target.url(index), { headers: target.headers });
      if (response.status !== 200)
        throw new Error(`audio of ${recording.id} → ${response.status} ${response.body}`);
      sizes.push(response.body.length);
      if (nginx) await writeFile(join(nginx.root, `${recording.id}.webm`), response.body, { mode: 0o644 });
    }
  } finally {
    agent.destroy();
  }
  return sizes;
}
