import { describe, expect, it } from "vitest";
import { computePeaks } from "./compute-peaks.js";

describe("computePeaks", () => {
  it("reports min/max per bucket as integer percent", () => {
    const samples = new Float32Array([0.1, -0.5, 0.25, 0.9, -1, 1, 0, 0]);
    expect(computePeaks({ channels: [samples], sampleRate: 8000 }, { buckets: 4 })).toEqual({
      version: 1,
      buckets: 4,
      data: [-50, 10, 0, 90, -100, 100, 0, 0],
    });
  });

  it("takes the extremes across both channels", () => {
    const left = new Float32Array([0.2, 0.2]);
    const right = new Float32Array([-0.7, 0.3]);
    expect(computePeaks({ channels: [left, right], sampleRate: 8000 }, { buckets: 1 }).data).toEqual([
      -70, 30,
    ]);
  });

  it("stays under 10 KiB of JSON for 1000 buckets of full-scale noise", () => {
    let seed = 1;
    const noise = new Float32Array(48000 * 60).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 30 - 1) * 1.2;
    });
    const peaks = computePeaks({ channels: [noise], sampleRate: 48000 }, { buckets: 1000 });
    expect(peaks.data).toHaveLength(2000);
    expect(peaks.data.every((v) => Number.isInteger(v) && v >= -100 && v <= 100)).toBe(true);
    expect(JSON.stringify(peaks).length).toBeLessThan(10 * 1024);
  });

  it("never makes more buckets than samples", () => {
    expect(computePeaks({ channels: [new Float32Array(3)], sampleRate: 8000 }).buckets).toBe(3);
  });
});
