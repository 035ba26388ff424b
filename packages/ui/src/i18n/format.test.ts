import { describe, expect, it } from "vitest";
import { createFormatters } from "./format.js";

const when = new Date(2026, 10, 29, 10, 35);

describe("createFormatters", () => {
  const fi = createFormatters("fi");
  const en = createFormatters("en");

  it("writes dates and times in the user's language", () => {
    expect(fi.date(when)).toBe("29.11.2026");
    expect(en.date(when)).toBe("29 Nov 2026");
    expect(fi.time(when)).toBe("10.35");
    expect(en.time(when)).toBe("10:35");
    expect(fi.dateTime(when)).toContain("10.35");
    expect(en.dateTime(when)).toContain("10:35");
    expect(fi.date(null)).toBe("–");
  });

  it("writes a duration the same way in both languages and both apps", () => {
    expect(fi.duration(28_600)).toBe("0:28");
    expect(en.duration(28_600)).toBe("0:28");
    expect(en.duration(3_725_000)).toBe("1:02:05");
    expect(en.duration(null)).toBe("–");
  });

  it("names a unit with its code", () => {
    expect(fi.unit({ name: "Helsinki, customer service", code: "HKI-ASPA" })).toBe(
      "Helsinki, customer service (HKI-ASPA)",
    );
    expect(en.unit({ name: null, code: "HKI-ASPA" })).toBe("HKI-ASPA");
    expect(en.unit({ name: "Tampere", code: null })).toBe("Tampere");
    expect(en.unit(null)).toBe("–");
  });

  it("names a country in the user's language with its code", () => {
    expect(fi.country("FI")).toBe("Suomi (FI)");
    expect(en.country("SE")).toBe("Sweden (SE)");
    expect(en.country(null)).toBe("–");
  });

  it("groups numbers per language", () => {
    expect(fi.number(12345)).toBe("12\u00a0345");
    expect(en.number(12345)).toBe("12,345");
  });
});
