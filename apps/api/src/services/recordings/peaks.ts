import { type ListenContext, type ListenInput, loadListenTarget } from "./listen-target.js";
import { CLIP_MARGIN_MS } from "./recording-access.js";

/** Beyond the served window a bucket may reach this far, so it stays within a second of the clip. */
const BUCKET_SLACK_MS = 1000 - CLIP_MARGIN_MS;

export interface PeaksView {
  version: 1;
  buckets: number;
  /** min,max pairs in −100…100. */
  data: number[];
  /** What the data spans: the whole recording, or a clip-only listener's window (milliseconds). */
  startMs: number;
  durationMs: number;
}

/**
 * The precomputed waveform under the same rule as the audio itself: a clip-only listener gets only the
 * buckets of their clip's window, never the shape of the rest of the call.
 */
export async function recordingPeaks({
  ctx,
  input,
}: {
  ctx: ListenContext;
  input: ListenInput;
}): Promise<PeaksView> {
  const { recording, window } = await loadListenTarget({ ctx, input });
  const data = recording.peaks ?? [];
  const buckets = Math.floor(data.length / 2);
  if (!window) return { version: 1, buckets, data, startMs: 0, durationMs: recording.durationMs };
  const span = buckets > 0 ? recording.durationMs / buckets : 0;
  const kept: number[] = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = bucket * span;
    const end = start + span;
    const overlaps = end > window.startMs && start < window.endMs;
    const near = start >= window.startMs - BUCKET_SLACK_MS && end <= window.endMs + BUCKET_SLACK_MS;
    if (overlaps && near) kept.push(data[bucket * 2] ?? 0, data[bucket * 2 + 1] ?? 0);
  }
  return {
    version: 1,
    buckets: kept.length / 2,
    data: kept,
    startMs: window.startMs,
    durationMs: window.endMs - window.startMs,
  };
}
