import { randomInt } from "node:crypto";
import { collectStreamTimings, STREAM_STAGES, type StreamSample } from "../src/http/stream-timing.js";
import type { BenchApp } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { type Bounds, round } from "./measure.js";

const RANGE_BYTES = 64 * 1024;

export interface PathBreakdown {
  requests: number;
  /** Mean milliseconds per step, measured inside the API (stream-timing.ts). */
  meanMs: Record<string, number>;
  /** The request as the API saw it (first step to the last body byte handed to the socket). */
  totalMs: { mean: number; p50: number; p95: number };
  /** The same requests as the client saw them (includes HTTP parsing and the loopback). */
  clientP50Ms: number;
}

export interface StreamBreakdown {
  recordingBytes: number;
  rangeBytes: number;
  full: PathBreakdown;
  fast: PathBreakdown;
}

const percentileOf = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

/**
 * One request at a time, random 64 KiB ranges of one recording with the trainer's session: first every
 * request on the full path (the cache bypassed: decision, audit check, key unwrap each time), then the
 * same on the fast path of an audited listening session. The API measures each step of each request.
 */
async function measurePath(
  bench: BenchApp,
  recordingId: string,
  size: number,
  bypassListenCache: boolean,
  bounds: Bounds,
): Promise<PathBreakdown> {
  const samples: StreamSample[] = [];
  const client: number[] = [];
  const stop = collectStreamTimings((sample) => samples.push(sample), { bypassListenCache });
  const agent = keepAliveAgent(1);
  const url = `${bench.baseUrl}/media/recordings/${recordingId}/audio`;
  try {
    // One unmeasured request opens the listening session (its audit row) and, on the fast path, the entry.
    await httpRequest(agent, url, { headers: { cookie: bench.trainerCookie, range: "bytes=0-1" } });
    samples.length = 0;
    const deadline = performance.now() + bounds.maxMs;
    for (let i = 0; i < bounds.maxIterations && performance.now() < deadline; i++) {
      const start = randomInt(0, Math.max(1, size - RANGE_BYTES));
      const end = Math.min(size - 1, start + RANGE_BYTES - 1);
      const began = performance.now();
      const response = await httpRequest(agent, url, {
        headers: { cookie: bench.trainerCookie, range: `bytes=${start}-${end}` },
      });
      client.push(performance.now() - began);
      if (response.status !== 206) throw new Error(`range → ${response.status} ${response.body}`);
    }
  } finally {
    stop();
    agent.destroy();
  }
  const measured = samples.filter((sample) => sample.status === 206 && sample.bytes > 2);
  const meanMs = Object.fromEntries(
    STREAM_STAGES.map((stage) => [
      stage,
      round(measured.reduce((sum, sample) => sum + sample.stages[stage], 0) / Math.max(1, measured.length)),
    ]),
  );
  const totals = measured.map((sample) => sample.totalMs).sort((a, b) => a - b);
  client.sort((a, b) => a - b);
  return {
    requests: measured.length,
    meanMs,
    totalMs: {
      mean: round(totals.reduce((sum, value) => sum + value, 0) / Math.max(1, totals.length)),
      p50: round(percentileOf(totals, 50)),
      p95: round(percentileOf(totals, 95)),
    },
    clientP50Ms: round(percentileOf(client, 50)),
  };
}

export async function runStreamBreakdown(
  bench: BenchApp,
  recordingId: string,
  size: number,
  bounds: Bounds,
): Promise<StreamBreakdown> {
  const full = await measurePath(bench, recordingId, size, true, bounds);
  const fast = await measurePath(bench, recordingId, size, false, bounds);
  return { recordingBytes: size, rangeBytes: RANGE_BYTES, full, fast };
}

export function breakdownLines(result: StreamBreakdown): string[] {
  const header = `| step | full path, mean ms | fast path, mean ms |`;
  const rows = STREAM_STAGES.map(
    (stage) => `| ${stage} | ${result.full.meanMs[stage]} | ${result.fast.meanMs[stage]} |`,
  );
  return [
    `${result.full.requests} + ${result.fast.requests} requests of ${result.rangeBytes} B ranges of a ${result.recordingBytes} B recording`,
    header,
    "| --- | --- | --- |",
    ...rows,
    `| total in the API (mean / p50 / p95) | ${result.full.totalMs.mean} / ${result.full.totalMs.p50} / ${result.full.totalMs.p95} | ${result.fast.totalMs.mean} / ${result.fast.totalMs.p50} / ${result.fast.totalMs.p95} |`,
    `| client p50 | ${result.full.clientP50Ms} | ${result.fast.clientP50Ms} |`,
  ];
}
