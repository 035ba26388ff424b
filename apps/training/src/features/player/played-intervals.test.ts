import { describe, expect, it } from "vitest";
import { PlayedIntervalsTracker } from "./played-intervals.js";

describe("PlayedIntervalsTracker", () => {
  it("joins steady playback into one interval", () => {
    const tracker = new PlayedIntervalsTracker();
    for (let ms = 1_000; ms <= 4_000; ms += 250) tracker.tick(ms);
    expect(tracker.drain()).toEqual([[1_000, 4_000]]);
  });

  it("starts a new interval after a seek forward, so skipped audio never counts", () => {
    const tracker = new PlayedIntervalsTracker();
    tracker.tick(0);
    tracker.tick(1_000);
    tracker.tick(20_000);
    tracker.tick(21_000);
    expect(tracker.drain()).toEqual([
      [0, 1_000],
      [20_000, 21_000],
    ]);
  });

  it("starts a new interval after a seek backwards", () => {
    const tracker = new PlayedIntervalsTracker();
    tracker.tick(10_000);
    tracker.tick(11_000);
    tracker.tick(2_000);
    tracker.tick(3_000);
    expect(tracker.drain()).toEqual([
      [10_000, 11_000],
      [2_000, 3_000],
    ]);
  });

  it("break() closes the open interval (pause, seek)", () => {
    const tracker = new PlayedIntervalsTracker();
    tracker.tick(0);
    tracker.tick(500);
    tracker.break();
    tracker.tick(600);
    tracker.tick(900);
    expect(tracker.drain()).toEqual([
      [0, 500],
      [600, 900],
    ]);
  });

  it("drain() reports each stretch once and keeps listening from where it left off", () => {
    const tracker = new PlayedIntervalsTracker();
    tracker.tick(0);
    tracker.tick(1_000);
    expect(tracker.drain()).toEqual([[0, 1_000]]);
    tracker.tick(2_000);
    expect(tracker.drain()).toEqual([[1_000, 2_000]]);
    expect(tracker.drain()).toEqual([]);
  });

  it("ignores a single sample (nothing was heard yet)", () => {
    const tracker = new PlayedIntervalsTracker();
    tracker.tick(5_000);
    tracker.break();
    expect(tracker.drain()).toEqual([]);
  });

  it("honours a larger step for fast playback", () => {
    const tracker = new PlayedIntervalsTracker(2_500);
    tracker.tick(0);
    tracker.tick(2_000);
    tracker.tick(4_000);
    expect(tracker.drain()).toEqual([[0, 4_000]]);
  });
});
