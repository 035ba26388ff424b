import { describe, expect, it } from "vitest";
import { formatDuration, formatDurationPrecise, parseDuration } from "./duration.js";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [999, "0:00"],
    [5_000, "0:05"],
    [65_400, "1:05"],
    [3_600_000, "1:00:00"],
    [3_725_000, "1:02:05"],
    [-300, "0:00"],
  ])("%i ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));

  it("adds tenths when asked", () => expect(formatDurationPrecise(65_470)).toBe("1:05.4"));
});

describe("parseDuration", () => {
  it.each([
    ["1:05", 65_000],
    ["0:05.5", 5_500],
    ["0:05,25", 5_250],
    ["12", 12_000],
    ["12.5", 12_500],
    ["1:02:05", 3_725_000],
    [" 2:00 ", 120_000],
  ])("%s → %i ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "abc", "1:60", "1:75:00", "-5", "1::2", "1:2:3:4"])("refuses %j", (text) =>
    expect(parseDuration(text)).toBeNull(),
  );

  it("round-trips formatted values", () => {
    for (const ms of [0, 1_000, 59_000, 61_300, 600_900])
      expect(parseDuration(formatDurationPrecise(ms))).toBe(ms - (ms % 100));
  });
});
