import { randomInt } from "node:crypto";
import { collectStreamTimings, STREAM_STAGES, type StreamSample } from "../src/http/stream-timing.js";
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
  /** A clip-only listener (a playlist item): the WebM of the clip, cut from the decrypted recording. */
  clip: { clipBytes: number; clipMs: number; full: PathBreakdown; fast: PathBreakdown } | null;
}

/** Who listens, to what: the recording's URL (with the player's ?playlist=&item=) and their session. */
export interface BreakdownListener {
  url: string;
  cookie: string;
}

const percentileOf = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

/**
 * One request at a time, random 64 KiB ranges of what the listener is served: first every request on the
 * full path (the cache bypassed: decision, audit check, key unwrap, and for a clip the cut, each time),
 * then the same on the fast path of an audited listening session. The API measures each step of each
 * request. Returns the size of what was served, read from the first response's Content-Range.
 */
async function measurePath(
  listener: BreakdownListener,
  bypassListenCache: boolean,
  bounds: Bounds,
): Promise<{ size: number; path: PathBreakdown }> {
  const samples: StreamSample[] = [];
  const client: number[] = [];
  const stop = collectStreamTimings((sample) => samples.push(sample), { bypassListenCache });
  const agent = keepAliveAgent(1);
  const headers = (range: string) => ({ cookie: listener.cookie, range });
  let size = 0;
  try {
    // One unmeasured request opens the listening session (its audit row) and, on the fast path, the entry.
    const opening = await httpRequest(agent, listener.url, { headers: headers("bytes=0-1") });
    size = Number(/\/(\d+)$/.exec(String(opening.headers["content-range"] ?? ""))?.[1] ?? 0);
    if (opening.status !== 206 || size === 0) throw new Error(`opening → ${opening.status} ${opening.body}`);
    samples.length = 0;
    const deadline = performance.now() + bounds.maxMs;
    for (let i = 0; i < bounds.maxIterations && performance.now() < deadline; i++) {
      const start = randomInt(0, Math.max(1, size - RANGE_BYTES));
      const end = Math.min(size - 1, start + RANGE_BYTES - 1);
      const began = performance.now();
      const response = await httpRequest(agent, listener.url, { headers: headers(`bytes=${start}-${end}`) });
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
  const path = {
    requests: measured.length,
    meanMs,
    totalMs: {
      mean: round(totals.reduce((sum, value) => sum + value, 0) / Math.max(1, totals.length)),
      p50: round(percentileOf(totals, 50)),
      p95: round(percentileOf(totals, 95)),
    },
    clientP50Ms: round(percentileOf(client, 50)),
  };
  return { size, path };
}

async function measureBoth(listener: BreakdownListener, bounds: Bounds) {
  const full = await measurePath(listener, true, bounds);
  const fast = await measurePath(listener, false, bounds);
  return { size: fast.size, full: full.path, fast: fast.path };
}

export async function runStreamBreakdown(
  whole: BreakdownListener,
  clip: (BreakdownListener & { clipMs: number }) | null,
  bounds: Bounds,
): Promise<StreamBreakdown> {
  const wholePaths = await measureBoth(whole, bounds);
  const clipPaths = clip ? await measureBoth(clip, bounds) : null;
  return {
    recordingBytes: wholePaths.size,
    rangeBytes: RANGE_BYTES,
    full: wholePaths.full,
    fast: wholePaths.fast,
    clip: clip && clipPaths ? { clipBytes: clipPaths.size, clipMs: clip.clipMs, ...clipPaths } : null,
  };
}

export function breakdownLines(result: StreamBreakdown): string[] {
  const clip = result.clip;
  const paths = [result.full, result.fast, ...(clip ? [clip.full, clip.fast] : [])];
  const cells = (value: (path: PathBreakdown) => string | number) => paths.map(value).join(" | ");
  return [
    `${result.full.requests} + ${result.fast.requests} requests of ${result.rangeBytes} B ranges of a ${result.recordingBytes} B recording` +
      (clip
        ? `; ${clip.full.requests} + ${clip.fast.requests} of a ${clip.clipBytes} B clip (${clip.clipMs} ms)`
        : ""),
    `| step | whole: full path | whole: fast path${clip ? " | clip: full path | clip: fast path" : ""} |`,
    `| --- | ${paths.map(() => "---").join(" | ")} |`,
    ...STREAM_STAGES.map((stage) => `| ${stage} | ${cells((path) => path.meanMs[stage] ?? 0)} |`),
    `| total in the API (mean / p50 / p95) | ${cells((path) => `${path.totalMs.mean} / ${path.totalMs.p50} / ${path.totalMs.p95}`)} |`,
    `| client p50 | ${cells((path) => path.clientP50Ms)} |`,
  ];
}
