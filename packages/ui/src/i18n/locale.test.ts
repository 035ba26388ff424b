import { describe, expect, it } from "vitest";
import { createFormatters } from "./format.js";
import { detectLocale } from "./locale.js";

describe("detectLocale", () => {
  it.each([
    ["en", ["fi-FI"], "en"],
    ["fi", ["en-GB"], "fi"],
    [null, ["en-GB", "fi"], "en"],
    [null, ["sv-SE", "fi-FI"], "fi"],
    [null, ["de-DE"], "fi"],
    ["klingon", [], "fi"],
  ] as const)("stored %s with browser %j → %s", (stored, browser, expected) => {
    expect(detectLocale(stored, browser)).toBe(expected);
  });
});

describe("createFormatters", () => {
  const instant = new Date("2026-11-29T10:35:00Z");

  it("formats dates and numbers the Finnish way in fi", () => {
    const fi = createFormatters("fi");
    expect(fi.date(instant)).toBe("29.11.2026");
    expect(fi.number(1234567)).toBe("1\u00a0234\u00a0567");
  });

  it("formats dates and numbers the British way in en", () => {
    const en = createFormatters("en");
    expect(en.date(instant)).toBe("29 Nov 2026");
    expect(en.number(1234567)).toBe("1,234,567");
  });

  it("shows a dash for a missing date and scales bytes", () => {
    const en = createFormatters("en");
    expect(en.date(null)).toBe("–");
    expect(en.bytes(1536)).toBe("1.5 kB");
    expect(en.bytes(3 * 1024 ** 3)).toBe("3 GB");
  });
});
