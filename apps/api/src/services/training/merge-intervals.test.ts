import { describe, expect, it } from "vitest";
import { clampToClip, coveredMs, isClipCompleted, mergeIntervals } from "./merge-intervals.js";

describe("mergeIntervals", () => {
  it.each([
    [[], []],
    [[[0, 10]], [[0, 10]]],
    [[[5, 5]], []],
    [[[10, 5]], []],
    [
      [
        [20, 30],
        [0, 10],
      ],
      [
        [0, 10],
        [20, 30],
      ],
    ],
    [
      [
        [0, 10],
        [10, 20],
      ],
      [[0, 20]],
    ],
    [
      [
        [0, 10],
        [5, 8],
        [9, 15],
      ],
      [[0, 15]],
    ],
    [
      [
        [0, 10],
        [11, 20],
      ],
      [
        [0, 10],
        [11, 20],
      ],
    ],
    [[[Number.NaN, 10]], []],
  ] as [number[][], number[][]][])("%j → %j", (input, expected) => {
    expect(mergeIntervals(input as [number, number][])).toEqual(expected);
  });

  it("is idempotent: merging the merged result again changes nothing", () => {
    const once = mergeIntervals([
      [0, 100],
      [50, 200],
      [300, 400],
    ]);
    expect(mergeIntervals([...once, ...once])).toEqual(once);
  });
});

describe("clampToClip and completion", () => {
  it("cuts intervals to the clip and drops what lies outside", () => {
    expect(
      clampToClip(
        [
          [0, 1500],
          [1800, 2500],
          [4000, 5000],
        ],
        1000,
        3000,
      ),
    ).toEqual([
      [1000, 1500],
      [1800, 2500],
    ]);
  });

  it.each([
    [8999, 10_000, false],
    [9000, 10_000, true],
    [10_000, 10_000, true],
    [0, 0, false],
    [100, 10_000, false],
  ])("covered %d of %d ms → completed %s", (covered, clip, done) => {
    expect(isClipCompleted(covered, clip)).toBe(done);
  });

  it("counts unique coverage, so replaying the same stretch adds nothing", () => {
    const merged = mergeIntervals([
      [0, 1000],
      [0, 1000],
      [500, 1500],
    ]);
    expect(coveredMs(merged)).toBe(1500);
  });
});
