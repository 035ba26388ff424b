import { httpDrain, keepAliveAgent } from "./http-client.js";
import { type Bounds, type LatencyStats, measureLatency, measureThroughput, round } from "./measure.js";

export const RANGE_BYTES = 64 * 1024;

export interface ThroughputResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  mebibytesPerSecond: number;
}

/** One load run, plain data so it can cross into a worker thread. */
export interface StreamLoadParams {
  mode: "throughput" | "latency";
  urls: string[];
  sizes: number[];
  headers: Record<string, string>;
  bounds: Bounds;
  concurrency: number;
  /** Random 64 KiB ranges (206) instead of whole files (200). */
  range: boolean;
  seed: number;
}

/** Deterministic pseudo-random numbers (mulberry32): both servers get the same sequence of ranges. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests files or random ranges of them, checking every status and byte count. */
export async function runStreamLoad(params: StreamLoadParams): Promise<ThroughputResult | LatencyStats> {
  const agent = keepAliveAgent(params.concurrency);
  const next = random(params.seed);
  const one = async (iteration: number): Promise<number> => {
    const index = iteration % params.urls.length;
    const size = params.sizes[index] ?? 0;
    const headers = { ...params.headers };
    let expected = size;
    if (params.range) {
      const start = Math.floor(next() * Math.max(1, size - RANGE_BYTES));
      const end = Math.min(size - 1, start + RANGE_BYTES - 1);
      headers.range = `bytes=${start}-${end}`;
      expected = end - start + 1;
    }
    const url = params.urls[index] ?? "";
    const response = await httpDrain(agent, url, headers);
    if (response.status !== (params.range ? 206 : 200) || response.bytes !== expected) {
      throw new Error(`${url} → ${response.status}, ${response.bytes} of ${expected} bytes`);
    }
    return response.bytes;
  };
  try {
    if (params.mode === "latency") return await measureLatency(params.bounds, one);
    const run = await measureThroughput(params.bounds, params.concurrency, one);
    return {
      requests: run.calls,
      seconds: round(run.seconds, 2),
      requestsPerSecond: round(run.calls / run.seconds, 1),
      mebibytesPerSecond: round(run.units / run.seconds / 1024 / 1024, 2),
    };
  } finally {
    agent.destroy();
  }
}
