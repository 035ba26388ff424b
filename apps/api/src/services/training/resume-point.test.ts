import { describe, expect, it } from "vitest";
import { type ItemProgress, NO_PROGRESS } from "./item-progress.js";
import { resumePoint } from "./resume-point.js";

const progress = (overrides: Partial<ItemProgress>): ItemProgress => ({ ...NO_PROGRESS(0), ...overrides });
const item = (
  id: string,
  clipStartMs: number,
  clipEndMs: number,
  p: ItemProgress | null = NO_PROGRESS(clipStartMs),
) => ({
  id,
  clipStartMs,
  clipEndMs,
  progress: p,
});

describe("resumePoint", () => {
  it("starts at the first playable item's clip start without any progress", () => {
    expect(resumePoint([item("removed", 0, 0, null), item("a", 5000, 9000), item("b", 0, 1000)])).toEqual({
      itemId: "a",
      positionMs: 5000,
    });
  });

  it("resumes the most recently played item at its last position", () => {
    const a = item("a", 0, 10_000, progress({ positionMs: 4000, updatedAt: "2026-11-02T08:00:00.000Z" }));
    const b = item("b", 0, 10_000, progress({ positionMs: 7000, updatedAt: "2026-11-02T09:00:00.000Z" }));
    expect(resumePoint([a, b])).toEqual({ itemId: "b", positionMs: 7000 });
  });

  it("moves on to the next unfinished item when the last one was finished at its end", () => {
    const a = item(
      "a",
      0,
      10_000,
      progress({ completed: true, positionMs: 9500, updatedAt: "2026-11-02T09:00:00.000Z" }),
    );
    const b = item("b", 2000, 10_000);
    expect(resumePoint([a, b])).toEqual({ itemId: "b", positionMs: 2000 });
  });

  it("stays on a finished item that was left in the middle (re-listening)", () => {
    const a = item(
      "a",
      0,
      10_000,
      progress({ completed: true, positionMs: 3000, updatedAt: "2026-11-02T09:00:00.000Z" }),
    );
    expect(resumePoint([a, item("b", 0, 1000)])).toEqual({ itemId: "a", positionMs: 3000 });
  });

  it("wraps around to an earlier unfinished item, and returns null with nothing playable", () => {
    const a = item("a", 0, 10_000);
    const b = item(
      "b",
      0,
      10_000,
      progress({ completed: true, positionMs: 10_000, updatedAt: "2026-11-02T09:00:00.000Z" }),
    );
    expect(resumePoint([a, b])).toEqual({ itemId: "a", positionMs: 0 });
    expect(resumePoint([item("gone", 0, 0, null)])).toBeNull();
  });
});
