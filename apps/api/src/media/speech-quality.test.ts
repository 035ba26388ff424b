import { describe, expect, it } from "vitest";
import { resample } from "./resample.js";
import { speechQuality } from "./speech-quality.js";

/** Two seconds of a speech-like 8 kHz signal: a gliding harmonic tone under a syllable-rate envelope. */
const speechLike = Float32Array.from({ length: 16000 }, (_, i) => {
  const envelope = Math.max(0, Math.sin((Math.PI * i) / 2000));
  const pitch = 120 + 30 * Math.sin(i / 4000);
  let s = 0;
  for (let h = 1; h <= 12; h++) s += Math.sin((2 * Math.PI * pitch * h * i) / 8000) / h;
  return 0.2 * envelope * s;
});

describe("speechQuality", () => {
  it("scores a clean 48 kHz copy of the original near perfect, even delayed by a few samples", () => {
    const copy = resample(speechLike, 8000, 48000);
    const delayed = new Float32Array(copy.length + 60);
    delayed.set(copy, 60);
    const quality = speechQuality(speechLike, delayed);
    expect(quality.segmentalSnrDb).toBeGreaterThan(25);
    expect(quality.logSpectralDistanceDb).toBeLessThan(1.5);
    expect(quality.frames).toBeGreaterThan(50);
  });

  it("scores added noise worse on both measures, and more noise worse still", () => {
    let seed = 11;
    const noisy = (level: number) =>
      resample(
        speechLike.map((v) => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return v + level * (seed / 2 ** 30 - 1);
        }),
        8000,
        48000,
      );
    const slight = speechQuality(speechLike, noisy(0.005));
    const heavy = speechQuality(speechLike, noisy(0.05));
    expect(heavy.segmentalSnrDb).toBeLessThan(slight.segmentalSnrDb - 10);
    expect(heavy.logSpectralDistanceDb).toBeGreaterThan(slight.logSpectralDistanceDb);
  });
});
