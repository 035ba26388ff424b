export interface CountAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A count axis sized to the data: whole-number ticks on a 1-2-5 step, at most `maxIntervals`
 * of them, ending at the first tick at or above the largest value (never an empty 0–4 axis).
 */
export function countAxis(values: readonly number[], maxIntervals = 5): CountAxis {
  const largest = Math.max(1, ...values.map((value) => (Number.isFinite(value) ? value : 0)));
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5]
      .map((base) => base * magnitude)
      .find((s) => Math.ceil(largest / s) <= maxIntervals);
    if (found) {
      step = found;
      break;
    }
  }
  const top = Math.ceil(largest / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, index) => index * step);
  return { domain: [0, top], ticks };
}

/** True when a series has nothing to draw: say so in words instead of drawing empty axes. */
export const allZero = (values: readonly number[]): boolean => values.every((value) => value === 0);
