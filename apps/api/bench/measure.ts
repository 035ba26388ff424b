import { performance } from "node:perf_hooks";

/** Every loop stops at whichever comes first: the iteration count or the time budget. */
export interface Bounds {
  maxIterations: number;
  maxMs: number;
}

export interface LatencyStats {
  n: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarise(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    meanMs: round(sum / Math.max(1, sorted.length)),
  };
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** Runs fn sequentially within the bounds after a few warm-up calls, returning per-call latencies. */
export async function measureLatency(
  bounds: Bounds,
  fn: (iteration: number) => Promise<unknown>,
  warmup = 5,
): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  const deadline = performance.now() + bounds.maxMs;
  for (let i = 0; i < bounds.maxIterations && performance.now() < deadline; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Runs fn with `concurrency` workers within the bounds; returns the calls made, units moved and wall time. */
export async function measureThroughput(
  bounds: Bounds,
  concurrency: number,
  fn: (iteration: number) => Promise<number>,
): Promise<{ calls: number; units: number; seconds: number }> {
  let next = 0;
  let units = 0;
  const started = performance.now();
  const deadline = started + bounds.maxMs;
  const worker = async () => {
    while (next < bounds.maxIterations && performance.now() < deadline) {
      const iteration = next++;
      // Not `units += await fn()`: that reads units before the await and loses the other workers' adds.
      const moved = await fn(iteration);
      units += moved;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { calls: next, units, seconds: (performance.now() - started) / 1000 };
}

/** Scales a time budget by the configured factor, never below 200 ms. */
export function budget(ms: number, factor: number): number {
  return Math.max(200, Math.round(ms * factor));
}
