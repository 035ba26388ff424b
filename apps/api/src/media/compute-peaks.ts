import type { Pcm } from "./audio-types.js";

/** Waveform summary for the player: `data` holds min,max pairs per bucket as integer percent of full scale. */
export interface Peaks {
  version: 1;
  buckets: number;
  /** Length 2 × buckets, values in [-100, 100]; JSON of 1000 buckets stays under 10 KiB. */
  data: number[];
}

const toPercent = (sample: number) => Math.max(-100, Math.min(100, Math.round(sample * 100)));

/** Min/max over all channels per bucket, so the player never downloads audio to draw a waveform. */
export function computePeaks(pcm: Pcm, options: { buckets?: number } = {}): Peaks {
  const frames = pcm.channels[0]?.length ?? 0;
  const buckets = Math.max(1, Math.min(options.buckets ?? 1000, frames || 1));
  const data: number[] = new Array(buckets * 2).fill(0);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * frames) / buckets);
    const end = Math.floor(((b + 1) * frames) / buckets);
    let min = 0;
    let max = 0;
    for (const channel of pcm.channels) {
      for (let i = start; i < end; i++) {
        const s = channel[i]!;
        if (s < min) min = s;
        if (s > max) max = s;
      }
    }
    data[b * 2] = toPercent(min);
    data[b * 2 + 1] = toPercent(max);
  }
  return { version: 1, buckets, data };
}
