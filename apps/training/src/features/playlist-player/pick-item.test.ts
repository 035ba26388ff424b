import { describe, expect, it } from "vitest";
import { pickItem } from "./pick-item.js";

const recording = { id: "r", callStartedAt: "2026-11-01T08:00:00Z", durationMs: 30_000, hasPeaks: true };
const progress = (completed: boolean) => ({
  listenedMs: completed ? 3_000 : 0,
  positionMs: 0,
  maxPositionMs: 0,
  playedIntervals: [],
  completed,
  completedAt: null,
  updatedAt: null,
});
const item = (id: string, options: { removed?: boolean; completed?: boolean } = {}) => ({
  id,
  position: 0,
  clipStartMs: 0,
  clipEndMs: options.removed ? null : 3_000,
  note: "",
  recording: options.removed ? null : recording,
  removedReason: options.removed ? "retention" : null,
  progress: progress(options.completed ?? false),
  audioWindow: null,
});

describe("pickItem", () => {
  const items = [item("a", { completed: true }), item("b", { removed: true }), item("c"), item("d")];

  it("opens the item named in the address, even a removed one", () => {
    expect(pickItem({ items, resume: null }, "b")?.id).toBe("b");
  });

  it("resumes where I left off", () => {
    expect(pickItem({ items, resume: { itemId: "d", positionMs: 1_000 } }, undefined)?.id).toBe("d");
  });

  it("otherwise opens the first unfinished playable item, skipping removed ones", () => {
    expect(pickItem({ items, resume: null }, undefined)?.id).toBe("c");
  });

  it("falls back to the first playable item when everything is done", () => {
    const done = [item("x", { removed: true }), item("y", { completed: true })];
    expect(pickItem({ items: done, resume: null }, "unknown")?.id).toBe("y");
  });

  it("returns undefined for an empty playlist", () => {
    expect(pickItem({ items: [], resume: null }, undefined)).toBeUndefined();
  });
});
