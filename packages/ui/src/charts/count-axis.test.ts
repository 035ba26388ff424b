import { describe, expect, it } from "vitest";
import { allZero, countAxis } from "./count-axis.js";

describe("countAxis", () => {
  it.each([
    [[1], [0, 1]],
    [
      [0, 3, 2],
      [0, 1, 2, 3],
    ],
    [[5], [0, 1, 2, 3, 4, 5]],
    [[7], [0, 2, 4, 6, 8]],
    [[10], [0, 2, 4, 6, 8, 10]],
    [[11], [0, 5, 10, 15]],
    [[45], [0, 10, 20, 30, 40, 50]],
    [[230], [0, 50, 100, 150, 200, 250]],
  ] as [number[], number[]][])("sizes the axis to %j", (values, ticks) => {
    expect(countAxis(values).ticks).toEqual(ticks);
    expect(countAxis(values).domain).toEqual([0, ticks.at(-1)]);
  });

  it("treats an empty or all-zero series as one step, not 0–4", () => {
    expect(countAxis([]).ticks).toEqual([0, 1]);
    expect(countAxis([0, 0]).ticks).toEqual([0, 1]);
  });

  it("tells when there is nothing to draw", () => {
    expect(allZero([0, 0, 0])).toBe(true);
    expect(allZero([])).toBe(true);
    expect(allZero([0, 1])).toBe(false);
  });
});
