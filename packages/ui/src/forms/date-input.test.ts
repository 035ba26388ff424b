import { describe, expect, it } from "vitest";
import { datePattern, formatDateInput, parseDateInput } from "./date-input.js";

describe("dates in the UI language", () => {
  it.each([
    ["2026-12-06", "fi", "date", "6.12.2026"],
    ["2026-12-06", "en", "date", "06/12/2026"],
    ["2026-12-06T09:05", "fi", "dateTime", "6.12.2026 klo 9.05"],
    ["2026-12-06T09:05", "en", "dateTime", "06/12/2026 09:05"],
    ["", "fi", "date", ""],
    ["not a date", "en", "dateTime", ""],
  ] as const)("formats %s in %s (%s)", (iso, locale, kind, expected) => {
    expect(formatDateInput(iso, locale, kind)).toBe(expected);
  });

  it.each([
    ["6.12.2026", "date", "2026-12-06"],
    ["06/12/2026", "date", "2026-12-06"],
    ["  ", "date", ""],
    ["6.12.2026 klo 9.05", "dateTime", "2026-12-06T09:05"],
    ["06/12/2026 09:05", "dateTime", "2026-12-06T09:05"],
    ["6.12.2026", "dateTime", "2026-12-06T00:00"],
    ["31.2.2026", "date", null],
    ["6.12.2026 klo 9.05", "date", null],
    ["6.12.2026 klo 24.00", "dateTime", null],
    ["2026-12-06", "date", null],
    ["huomenna", "dateTime", null],
  ] as const)("parses %j as %s", (text, kind, expected) => {
    expect(parseDateInput(text, kind)).toBe(expected);
  });

  it("round-trips what it formats, in both languages", () => {
    for (const locale of ["fi", "en"]) {
      expect(parseDateInput(formatDateInput("2027-01-31T23:59", locale, "dateTime"), "dateTime")).toBe(
        "2027-01-31T23:59",
      );
    }
  });

  it("shows the expected shape in the language's own words", () => {
    expect(datePattern("fi", "dateTime")).toBe("p.k.vvvv klo t.mm");
    expect(datePattern("en", "date")).toBe("dd/mm/yyyy");
  });
});
