import { describe, expect, it } from "vitest";
import { isPeaksFile, peaksToChannels } from "./peaks.js";

describe("peaksToChannels", () => {
  it("splits min/max pairs into an upper and a lower channel scaled to −1…1", () => {
    const [top, bottom] = peaksToChannels({ version: 1, buckets: 2, data: [-50, 80, -100, 100] });
    const round = (values: Float32Array) => Array.from(values, (value) => Math.round(value * 1000) / 1000);
    expect(round(top)).toEqual([0.8, 1]);
    expect(round(bottom)).toEqual([-0.5, -1]);
  });

  it("clamps out-of-range values and ignores a dangling half pair", () => {
    const [top, bottom] = peaksToChannels({ version: 1, buckets: 1, data: [-300, 250, 7] });
    expect(Array.from(top)).toEqual([1]);
    expect(Array.from(bottom)).toEqual([-1]);
  });
});

describe("isPeaksFile", () => {
  it.each([
    [{ version: 1, buckets: 0, data: [] }, true],
    [{ version: 2, buckets: 0, data: [] }, false],
    [{ version: 1, buckets: 0 }, false],
    [null, false],
    ["peaks", false],
  ])("%j → %s", (value, expected) => expect(isPeaksFile(value)).toBe(expected));
});
