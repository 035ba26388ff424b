import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchApp } from "./bench-app.js";
import { httpDrain, httpRequest, keepAliveAgent } from "./http-client.js";
import type { IngestedRecording } from "./ingest-bench.js";
import { type Bounds, type LatencyStats, measureLatency, measureThroughput, round } from "./measure.js";
import type { Nginx } from "./nginx.js";

export const RANGE_BYTES = 64 * 1024;

export interface ThroughputResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  mebibytesPerSecond: number;
}

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

async function throughput(
  target: Target,
  sizes: number[],
  bounds: Bounds,
  concurrency: number,
  range: boolean,
): Promise<ThroughputResult> {
  const agent = keepAliveAgent(concurrency);
  const next = random(42);
  try {
    const run = await measureThroughput(bounds, concurrency, async (iteration) => {
      const index = iteration % sizes.length;
      const size = sizes[index] ?? 0;
      const headers = { ...target.headers };
      let expected = size;
      if (range) {
        const start = Math.floor(next() * Math.max(1, size - RANGE_BYTES));
        const end = Math.min(size - 1, start + RANGE_BYTES - 1);
        headers.range = `bytes=${start}-${end}`;
        expected = end - start + 1;
      }
      const response = await httpDrain(agent, target.url(index), headers);
      const okStatus = range ? 206 : 200;
      if (response.status !== okStatus || response.bytes !== expected) {
        throw new Error(`${target.url(index)} → ${response.status}, ${response.bytes} of ${expected} bytes`);
      }
      return response.bytes;
    });
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
    const apiResult = await throughput(api, sizes, bounds, concurrency, range);
    const nginxResult = plain ? await throughput(plain, sizes, bounds, concurrency, range) : null;
    return {
      api: apiResult,
      nginx: nginxResult,
      ratio: nginxResult ? round(nginxResult.mebibytesPerSecond / apiResult.mebibytesPerSecond, 1) : null,
    };
  };
  const latency = async (target: Target) => {
    const latencyAgent = keepAliveAgent(1);
    const next = random(7);
    try {
      return await measureLatency(
        { maxIterations: 300, maxMs: Math.min(3000, bounds.maxMs) },
        async (iteration) => {
          const index = iteration % sizes.length;
          const size = sizes[index] ?? 0;
          const start = Math.floor(next() * Math.max(1, size - RANGE_BYTES));
          const end = Math.min(size - 1, start + RANGE_BYTES - 1);
          const response = await httpDrain(latencyAgent, target.url(index), {
            ...target.headers,
            range: `bytes=${start}-${end}`,
          });
          if (response.status !== 206) throw new Error(`${target.url(index)} → ${response.status}`);
        },
      );
    } finally {
      latencyAgent.destroy();
    }
  };
  return {
    rangeLatency: { api: await latency(api), nginx: plain ? await latency(plain) : null },
    files: sizes.length,
    meanFileBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
    concurrency,
    smallRanges: await pair(true),
    wholeFiles: await pair(false),
  };
}
