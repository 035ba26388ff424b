import { describe, expect, it } from "vitest";
import { calendarDayPattern, formatCalendarDay, parseCalendarDay } from "./calendar-day.js";

describe("calendar days in the UI language", () => {
  it.each([
    ["1.3.2026", "fi", "2026-03-01"],
    ["01.03.2026", "fi", "2026-03-01"],
    ["01/03/2026", "en", "2026-03-01"],
    ["2026-03-01", "fi", "2026-03-01"],
    ["2026-03-01", "en", "2026-03-01"],
    ["29.2.2024", "fi", "2024-02-29"],
  ])("%s (%s) → %s", (text, locale, day) => {
    expect(parseCalendarDay(text, locale)).toBe(day);
  });

  it.each([
    ["31.2.2026", "fi"],
    ["1/3/2026", "fi"],
    ["1.3.2026", "en"],
    ["03/32/2026", "en"],
    ["", "fi"],
    ["huomenna", "fi"],
  ])("refuses %s (%s)", (text, locale) => {
    expect(parseCalendarDay(text, locale)).toBeNull();
  });

  it("writes a day back the same way it is typed", () => {
    expect(formatCalendarDay("2026-03-01", "fi")).toBe("1.3.2026");
    expect(formatCalendarDay("2026-03-01", "en")).toBe("01/03/2026");
    expect(parseCalendarDay(formatCalendarDay("2026-12-24", "en"), "en")).toBe("2026-12-24");
    expect(calendarDayPattern("fi")).toBe("pp.kk.vvvv");
  });
});
