/** A played stretch [fromMs, toMs) in milliseconds of the recording. */
export type Interval = [fromMs: number, toMs: number];

/** An item counts as completed when this share of its clip has actually been played. */
export const COMPLETION_SHARE = 0.9;

/** Bounds the stored list: merged intervals of one clip are few unless a client sends confetti. */
export const MAX_STORED_INTERVALS = 500;

/** Sorted, overlapping and touching intervals joined; empty ones dropped. Gaps are never bridged. */
export function mergeIntervals(intervals: readonly (readonly [number, number])[]): Interval[] {
  const sorted = intervals
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to) && to > from)
    .map(([from, to]): Interval => [from, to])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Interval[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Cuts every interval to the clip [startMs, endMs); what falls outside is dropped. */
export function clampToClip(
  intervals: readonly (readonly [number, number])[],
  startMs: number,
  endMs: number,
): Interval[] {
  return intervals.flatMap(([from, to]): Interval[] => {
    const clampedFrom = Math.max(from, startMs);
    const clampedTo = Math.min(to, endMs);
    return clampedTo > clampedFrom ? [[clampedFrom, clampedTo]] : [];
  });
}

export function coveredMs(merged: readonly Interval[]): number {
  return merged.reduce((sum, [from, to]) => sum + (to - from), 0);
}

export function isClipCompleted(covered: number, clipMs: number): boolean {
  return clipMs > 0 && covered >= COMPLETION_SHARE * clipMs;
}
