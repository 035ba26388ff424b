import type { ReadTimer } from "../storage/index.js";

/** The steps of one audio request, in the order they run. */
export const STREAM_STAGES = [
  "freshness",
  "session",
  "decision",
  "open",
  "audit",
  "blobRead",
  "decrypt",
  "send",
] as const;
export type StreamStage = (typeof STREAM_STAGES)[number];

export interface StreamSample {
  path: "fast" | "full";
  status: number;
  bytes: number;
  /** Milliseconds per step; "send" is the body's time besides reading and decrypting (copies, socket). */
  stages: Record<StreamStage, number>;
  totalMs: number;
}

let sink: ((sample: StreamSample) => void) | null = null;
let bypassListenCache = false;

/**
 * Where an audio request's time goes, for the stream breakdown benchmark only: nothing is measured unless
 * a collector is installed in the same process (the bench runs the app in-process), so requests in
 * production pay one null check.
 */
export function collectStreamTimings(
  collector: (sample: StreamSample) => void,
  /** Measure every request on the full path (decision, audit check, key unwrap), as before the cache. */
  options: { bypassListenCache?: boolean } = {},
): () => void {
  sink = collector;
  bypassListenCache = options.bypassListenCache === true;
  return () => {
    if (sink !== collector) return;
    sink = null;
    bypassListenCache = false;
  };
}

export class StreamTimer implements ReadTimer {
  private readonly startedAt = performance.now();
  private lapAt = this.startedAt;
  private bodyStartedAt = 0;
  private readonly stages = Object.fromEntries(STREAM_STAGES.map((stage) => [stage, 0])) as Record<
    StreamStage,
    number
  >;
  path: StreamSample["path"] = "full";

  /** The time since the previous lap goes to `stage`. */
  lap(stage: StreamStage): void {
    const now = performance.now();
    this.stages[stage] += now - this.lapAt;
    this.lapAt = now;
  }

  bodyStarts(): void {
    this.bodyStartedAt = performance.now();
  }

  blobRead(ms: number): void {
    this.stages.blobRead += ms;
  }

  decrypt(ms: number): void {
    this.stages.decrypt += ms;
  }

  finish(status: number, bytes: number, collector: (sample: StreamSample) => void): void {
    const end = performance.now();
    if (this.bodyStartedAt > 0) {
      this.stages.send = Math.max(0, end - this.bodyStartedAt - this.stages.blobRead - this.stages.decrypt);
    }
    collector({ path: this.path, status, bytes, stages: this.stages, totalMs: end - this.startedAt });
  }
}

/** A timer for this request when the benchmark collects, otherwise null. */
export function startStreamTimer(): {
  timer: StreamTimer;
  collector: (sample: StreamSample) => void;
  bypassListenCache: boolean;
} | null {
  return sink ? { timer: new StreamTimer(), collector: sink, bypassListenCache } : null;
}
