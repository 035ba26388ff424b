import { describe, expect, it } from "vitest";
import { type PickerFilter, toFindInput, withinWindow } from "./recording-search.js";

const typed = (filter: Partial<PickerFilter>): PickerFilter => ({
  from: "",
  to: "",
  staffMemberId: "",
  minSeconds: "",
  maxSeconds: "",
  ...filter,
});
const iso = (local: string) => new Date(local).toISOString();
const window = { from: new Date("2026-11-10T09:00"), to: new Date("2026-11-20T17:30") };

describe("the picker's search within a form's window", () => {
  it("without a window the typed search goes as typed", () => {
    const input = toFindInput(typed({ from: "2026-11-01" }));
    expect(withinWindow(input, undefined)).toBe(input);
  });

  // The search's "to" is exclusive: a window's end (included) goes as its next millisecond.
  it.each([
    ["nothing typed: the whole window", {}, iso("2026-11-10T09:00"), "2026-11-20T17:30:00.001"],
    [
      "typed days inside it are kept",
      { from: "2026-11-12", to: "2026-11-14" },
      iso("2026-11-12T00:00"),
      "2026-11-15T00:00",
    ],
    [
      "typed days wider than it are narrowed",
      { from: "2026-11-01", to: "2026-11-30" },
      iso("2026-11-10T09:00"),
      "2026-11-20T17:30:00.001",
    ],
  ])("%s", (_, filter, from, to) => {
    const input = withinWindow(toFindInput(typed(filter)), window);
    expect(input?.from).toBe(from);
    expect(input?.to).toBe(iso(to));
  });

  it("keeps the other filters", () => {
    const input = withinWindow(toFindInput(typed({ staffMemberId: "s1", minSeconds: "30" })), window);
    expect(input).toMatchObject({ staffMemberId: "s1", durationMinMs: 30_000, order: "desc", limit: 50 });
  });

  it.each([
    ["days wholly before the window", { from: "2026-10-01", to: "2026-11-09" }],
    ["days wholly after it", { from: "2026-11-21" }],
    ["typed days the wrong way round", { from: "2026-11-15", to: "2026-11-12" }],
  ])("asks nothing for %s", (_, filter) => {
    expect(withinWindow(toFindInput(typed(filter)), window)).toBeNull();
  });
});
