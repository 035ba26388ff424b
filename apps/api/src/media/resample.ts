const ZERO_CROSSINGS = 8;
const MAX_TABLE_PHASES = 4096;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Blackman-windowed sinc taps for one fractional position, normalised to unit gain. */
function kernel(frac: number, halfTaps: number, cutoff: number): Float32Array {
  const taps = new Float32Array(halfTaps * 2);
  let sum = 0;
  for (let j = 0; j < taps.length; j++) {
    const x = frac - (j - halfTaps + 1);
    const arg = Math.PI * cutoff * x;
    const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
    const w = 0.5 + (0.5 * x) / halfTaps; // 0..1 across the window
    const window =
      w <= 0 || w >= 1 ? 0 : 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
    taps[j] = sinc * window;
    sum += taps[j]!;
  }
  for (let j = 0; j < taps.length; j++) taps[j]! /= sum;
  return taps;
}

/**
 * Band-limited resampling (windowed sinc, polyphase table for rational ratios). The low-pass sits at
 * 95 % of the lower Nyquist frequency, so downsampling does not alias.
 */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input;
  const divisor = gcd(from, to);
  const up = to / divisor;
  const down = from / divisor;
  const cutoff = Math.min(1, to / from) * 0.95;
  const halfTaps = Math.ceil(ZERO_CROSSINGS / cutoff);
  const outputLength = Math.floor((input.length * to) / from);
  const output = new Float32Array(outputLength);
  const table =
    up <= MAX_TABLE_PHASES
      ? Array.from({ length: up }, (_, p) => kernel(p / up, halfTaps, cutoff))
      : undefined;
  for (let n = 0; n < outputLength; n++) {
    const position = n * down;
    const base = Math.floor(position / up);
    const phase = position - base * up;
    const taps = table ? table[phase]! : kernel(phase / up, halfTaps, cutoff);
    let acc = 0;
    const first = base - halfTaps + 1;
    for (let j = 0; j < taps.length; j++) {
      const i = first + j;
      if (i >= 0 && i < input.length) acc += input[i]! * taps[j]!;
    }
    output[n] = acc;
  }
  return output;
}
