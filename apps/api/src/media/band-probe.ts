import { fft } from "./fft.js";

/** What a source sampled above 8 kHz carries: only the telephone band, or speech above it too. */
export type SourceBand = "telephone" | "wide";

/** The telephone band ends at 4 kHz (8 kHz sampling); the probe looks from a little above it. */
const HIGH_BAND_HZ = [4300, 8000] as const;
/** A frame carries sound when its mean square is above −50 dBFS. */
const ACTIVE_MEAN_SQUARE = 1e-5;
/** A sounding frame is wide-band when the high band holds more than 1 % (−20 dB) of its energy. */
const WIDE_FRAME_SHARE = 0.01;
/** Decided after this many sounding frames (all channels, ~5 s of speech)… */
const ACTIVE_FRAMES_TO_DECIDE = 150;
/** …as wide-band when at least this share of them is: fricatives (s, f, h) put most energy there. */
const WIDE_SHARE_OF_ACTIVE = 0.02;
/** Wide-band at once after this many wide frames. */
const WIDE_FRAMES_TO_DECIDE = 8;
/** The encoder waits for the verdict at most this long of input (its memory is bounded by it). */
export const PROBE_MAX_SECONDS = 30;

export interface BandProbe {
  /** Planar samples at the source rate. */
  push(block: Float32Array[]): void;
  /** The verdict once the probe has heard enough (or PROBE_MAX_SECONDS of input), else null. */
  readonly verdict: SourceBand | null;
  /** The verdict on what was heard (at the end of a short source): telephone unless speech above it. */
  finish(): SourceBand;
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(n));

/**
 * Tells telephone audio in a wide-band container (an 8 kHz call re-encoded as 22.05 kHz MP3 or 48 kHz Opus)
 * from wide-band speech, by the share of each sounding ~32 ms frame's energy above 4.3 kHz (Hann window,
 * FFT). Telephone audio has next to none there whatever the container's rate; wide-band speech puts most of
 * a fricative's energy there. Silent frames are skipped without a transform, so the work is bounded by the
 * frames it takes to decide.
 */
export function createBandProbe(sampleRate: number): BandProbe {
  const size = nextPowerOfTwo(sampleRate * 0.032);
  const window = Float64Array.from(
    { length: size },
    (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size),
  );
  const binHz = sampleRate / size;
  const highFrom = Math.ceil(HIGH_BAND_HZ[0] / binHz);
  const highTo = Math.min(size / 2, Math.floor(HIGH_BAND_HZ[1] / binHz));
  const frames: Float32Array[] = [];
  const filled: number[] = [];
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let active = 0;
  let wide = 0;
  let heard = 0;
  let verdict: SourceBand | null = null;

  const highShare = (frame: Float32Array): number | null => {
    let meanSquare = 0;
    for (let i = 0; i < size; i++) meanSquare += frame[i]! * frame[i]!;
    if (meanSquare / size < ACTIVE_MEAN_SQUARE) return null;
    for (let i = 0; i < size; i++) re[i] = frame[i]! * window[i]!;
    im.fill(0);
    fft(re, im);
    let total = 0;
    let high = 0;
    for (let k = 1; k <= size / 2; k++) {
      const power = re[k]! * re[k]! + im[k]! * im[k]!;
      total += power;
      if (k >= highFrom && k <= highTo) high += power;
    }
    return total > 0 ? high / total : 0;
  };

  const judge = (final: boolean): SourceBand | null => {
    if (wide >= WIDE_FRAMES_TO_DECIDE) return "wide";
    if (active >= ACTIVE_FRAMES_TO_DECIDE || final || heard >= PROBE_MAX_SECONDS * sampleRate) {
      return wide >= Math.max(2, WIDE_SHARE_OF_ACTIVE * active) ? "wide" : "telephone";
    }
    return null;
  };

  return {
    push(block) {
      if (verdict) return;
      block.forEach((samples, c) => {
        frames[c] ??= new Float32Array(size);
        filled[c] ??= 0;
        const frame = frames[c]!;
        for (let at = 0; at < samples.length; ) {
          const take = Math.min(size - filled[c]!, samples.length - at);
          frame.set(samples.subarray(at, at + take), filled[c]!);
          filled[c]! += take;
          at += take;
          if (filled[c] !== size) continue;
          filled[c] = 0;
          const share = highShare(frame);
          if (share === null) continue;
          active++;
          if (share > WIDE_FRAME_SHARE) wide++;
        }
      });
      heard += block[0]?.length ?? 0;
      verdict = judge(false);
    },
    get verdict() {
      return verdict;
    },
    finish() {
      verdict ??= judge(true) ?? "telephone";
      return verdict;
    },
  };
}
