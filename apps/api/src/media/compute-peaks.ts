import type { Pcm } from "./audio-types.js";

/** Waveform summary for the player: `data` holds min,max pairs per bucket as integer percent of full scale. */
export interface Peaks {
  version: 1;
  buckets: number;
  /** Length 2 × buckets, values in [-100, 100]; JSON of 1000 buckets stays under 10 KiB. */
  data: number[];
}

const toPercent = (sample: number) => Math.max(-100, Math.min(100, Math.round(sample * 100)));

/** Blocks per bucket: a bucket edge lands within 1/16 of a bucket of where whole-signal peaks put it. */
const BLOCKS_PER_BUCKET = 16;

export interface PeaksAccumulator {
  /** Adds the next samples (one Float32Array per channel, all the same length). */
  push(channels: Float32Array[]): void;
  finish(): Peaks;
}

/**
 * Streaming min/max peaks: samples are folded into blocks sized from the expected length (about 16 per
 * bucket), so memory stays constant for a recording of any length; finish() groups the blocks into the
 * buckets of the actual length. With a block of one sample the result equals whole-signal peaks.
 */
export function createPeaksAccumulator(options: {
  buckets?: number;
  expectedFrames: number;
}): PeaksAccumulator {
  const wanted = options.buckets ?? 1000;
  const blockSize = Math.max(1, Math.floor(options.expectedFrames / (wanted * BLOCKS_PER_BUCKET)));
  let mins = new Float32Array(wanted * BLOCKS_PER_BUCKET + 1);
  let maxs = new Float32Array(mins.length);
  let blocks = 0;
  let frames = 0;
  return {
    push(channels) {
      const length = channels[0]?.length ?? 0;
      for (let i = 0; i < length; i++) {
        const block = Math.floor((frames + i) / blockSize);
        if (block >= mins.length) {
          // Longer than expected: grow (a short estimate, never more than the duration limit allows).
          const grow = (a: Float32Array) => {
            const b = new Float32Array(a.length * 2);
            b.set(a);
            return b;
          };
          mins = grow(mins);
          maxs = grow(maxs);
        }
        if (block >= blocks) {
          mins[block] = 0;
          maxs[block] = 0;
          blocks = block + 1;
        }
        for (const channel of channels) {
          const s = channel[i]!;
          if (s < mins[block]!) mins[block] = s;
          if (s > maxs[block]!) maxs[block] = s;
        }
      }
      frames += length;
    },
    finish() {
      const buckets = Math.max(1, Math.min(wanted, frames || 1));
      const data: number[] = new Array(buckets * 2).fill(0);
      for (let b = 0; b < buckets; b++) {
        const start = Math.floor((b * frames) / buckets);
        const end = Math.floor(((b + 1) * frames) / buckets);
        let min = 0;
        let max = 0;
        // The blocks that start inside this bucket.
        for (let k = Math.ceil(start / blockSize); k * blockSize < end && k < blocks; k++) {
          if (mins[k]! < min) min = mins[k]!;
          if (maxs[k]! > max) max = maxs[k]!;
        }
        data[b * 2] = toPercent(min);
        data[b * 2 + 1] = toPercent(max);
      }
      return { version: 1, buckets, data };
    },
  };
}

/** Min/max over all channels per bucket, so the player never downloads audio to draw a waveform. */
export function computePeaks(pcm: Pcm, options: { buckets?: number } = {}): Peaks {
  const peaks = createPeaksAccumulator({ ...options, expectedFrames: 0 });
  peaks.push(pcm.channels);
  return peaks.finish();
}
