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
  smallRanges: { api: ThroughputResult; nginx: ThroughputResult | null; ratio: number | null };
  wholeFiles: { api: ThroughputResult; nginx: ThroughputResult | null; ratio: number | null };
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
 * nginx serving the very same plaintext bytes from disk with sendfile. Fetches each file once through the
 * API first (which also writes the listening-session audit rows before measuring).
 */
export async function runStreamBench(
  bench: BenchApp,
  recordings: IngestedRecording[],
  nginx: Nginx | null,
  bounds: Bounds,
  concurrency: number,
): Promise<StreamResult> {
  const api: Target = {
    url: (index) => `${bench.baseUrl}/media/recordings/${recordings[index]?.id}/audio`,
    headers: { cookie: bench.trainerCookie },
  };
  const agent = keepAliveAgent(1);
  const sizes: number[] = [];
  try {
    for (const [index, recording] of recordings.entries()) {
      const response = await httpRequest(agent, api.url(index), { headers: api.headers });
      if (response.status !== 200)
        throw new Error(`audio of ${recording.id} → ${response.status} ${response.body}`);
      sizes.push(response.body.length);
      if (nginx) await writeFile(join(nginx.root, `${recording.id}.webm`), response.body, { mode: 0o644 });
    }
  } finally {
    agent.destroy();
  }
  const plain: Target | null = nginx
    ? { url: (index) => `${nginx.baseUrl}/${recordings[index]?.id}.webm`, headers: {} }
    : null;
  const pair = async (range: boolean) => {
    const options = { mode: "throughput" as const, bounds, concurrency, range, seed: 42 };
    const apiResult = await inWorker<ThroughputResult>(load(api, sizes, options));
    const nginxResult = plain ? await inWorker<ThroughputResult>(load(plain, sizes, options)) : null;
    return {
      api: apiResult,
      nginx: nginxResult,
      ratio: nginxResult ? round(nginxResult.mebibytesPerSecond / apiResult.mebibytesPerSecond, 1) : null,
    };
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
  return {
    rangeLatency: { api: await latency(api), nginx: plain ? await latency(plain) : null },
    files: sizes.length,
    meanFileBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
    concurrency,
    smallRanges: await pair(true),
    wholeFiles: await pair(false),
  };
}
