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

export interface Resampler {
  /** Resamples the next block of input; returns the output samples that block completes. */
  push(input: Float32Array): Float32Array;
  /** Ends the stream: the remaining output, computed as if the input were followed by silence. */
  flush(): Float32Array;
}

/**
 * Band-limited streaming resampler (windowed sinc, polyphase table for rational ratios). The low-pass sits
 * at 95 % of the lower Nyquist frequency, so downsampling does not alias. It keeps only the input still
 * under the filter, so a long recording is resampled in constant memory; block boundaries do not change
 * the output.
 */
export function createResampler(from: number, to: number): Resampler {
  const divisor = gcd(from, to);
  const up = to / divisor;
  const down = from / divisor;
  const cutoff = Math.min(1, to / from) * 0.95;
  const halfTaps = Math.ceil(ZERO_CROSSINGS / cutoff);
  const table =
    up <= MAX_TABLE_PHASES
      ? Array.from({ length: up }, (_, p) => kernel(p / up, halfTaps, cutoff))
      : undefined;
  // Input kept from absolute index `kept` on; `received` samples seen so far; `produced` outputs made.
  let history = new Float32Array(0);
  let kept = 0;
  let received = 0;
  let produced = 0;

  const compute = (last: number): Float32Array => {
    const count = Math.max(0, last - produced);
    const output = new Float32Array(count);
    for (let k = 0; k < count; k++) {
      const position = (produced + k) * down;
      const base = Math.floor(position / up);
      const phase = position - base * up;
      const taps = table ? table[phase]! : kernel(phase / up, halfTaps, cutoff);
      let acc = 0;
      const first = base - halfTaps + 1;
      for (let j = 0; j < taps.length; j++) {
        const i = first + j;
        if (i >= 0 && i < received) acc += history[i - kept]! * taps[j]!;
      }
      output[k] = acc;
    }
    produced += count;
    // Drop the input no later output can reach.
    const needed = Math.max(0, Math.floor((produced * down) / up) - halfTaps + 1);
    if (needed > kept) {
      history = history.slice(Math.min(needed, received) - kept);
      kept = Math.min(needed, received);
    }
    return output;
  };

  return {
    push(input) {
      if (from === to) return input;
      const joined = new Float32Array(history.length + input.length);
      joined.set(history);
      joined.set(input, history.length);
      history = joined;
      received += input.length;
      // Output n needs input up to floor(n·down/up) + halfTaps.
      const ready = Math.floor(((received - halfTaps) * up) / down);
      return compute(Math.min(ready, Math.floor((received * to) / from)));
    },
    flush() {
      if (from === to) return new Float32Array(0);
      return compute(Math.floor((received * to) / from));
    },
  };
}

/** Resamples a whole signal at once (see createResampler). */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input;
  const resampler = createResampler(from, to);
  const head = resampler.push(input);
  const tail = resampler.flush();
  const output = new Float32Array(head.length + tail.length);
  output.set(head);
  output.set(tail, head.length);
  return output;
}
