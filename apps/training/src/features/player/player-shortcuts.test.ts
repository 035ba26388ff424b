import type { KeyboardEvent } from "react";
import { describe, expect, it } from "vitest";
import { handlePlayerKey, type ShortcutTarget } from "./player-shortcuts.js";

const fakeElement = (matches: string | null) => ({
  closest: (selector: string) => (matches && selector.includes(matches) ? {} : null),
});

function press(key: string, options: { shiftKey?: boolean; on?: string | null } = {}) {
  const calls: string[] = [];
  const target: ShortcutTarget = {
    toggle: () => calls.push("toggle"),
    skip: (delta) => calls.push(`skip ${delta}`),
    seekToStart: () => calls.push("start"),
    seekToEnd: () => calls.push("end"),
    rate: 1,
    setRate: (rate) => calls.push(`rate ${rate}`),
    previous: () => calls.push("previous"),
    next: () => calls.push("next"),
  };
  let prevented = false;
  const event = {
    key,
    shiftKey: options.shiftKey ?? false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    target: fakeElement(options.on ?? null),
    preventDefault: () => {
      prevented = true;
    },
  } as unknown as KeyboardEvent<HTMLElement>;
  handlePlayerKey(event, target);
  return { calls, prevented };
}

describe("handlePlayerKey", () => {
  it.each([
    ["ArrowLeft", false, "skip -5000"],
    ["ArrowRight", false, "skip 5000"],
    ["ArrowLeft", true, "skip -10000"],
    ["ArrowRight", true, "skip 10000"],
    ["Home", false, "start"],
    ["End", false, "end"],
    [" ", false, "toggle"],
    ["k", false, "toggle"],
    [">", false, "rate 1.25"],
    ["<", false, "rate 0.75"],
    ["n", false, "next"],
    ["p", false, "previous"],
  ])("%j (shift %s) → %s", (key, shiftKey, expected) => {
    const { calls, prevented } = press(key, { shiftKey });
    expect(calls).toEqual([expected]);
    expect(prevented).toBe(true);
  });

  it("leaves typing in fields alone", () => {
    expect(press("ArrowLeft", { on: "input" })).toEqual({ calls: [], prevented: false });
  });

  it("lets Space press a focused button instead of toggling twice", () => {
    expect(press(" ", { on: "button" })).toEqual({ calls: [], prevented: false });
  });

  it("ignores keys it does not list", () => {
    expect(press("x")).toEqual({ calls: [], prevented: false });
  });
});
