/**
 * Dates and clock times are ordinary training prose, but "01.02.2025" and "08.30–09.45" are also eight
 * digits starting with zero. The phone detectors ignore a candidate that is only dates and times;
 * a digit group that is not a real date or time makes it a number again.
 */
const DATE_PATTERNS: ReadonlyArray<{ pattern: RegExp; valid: (groups: string[]) => boolean }> = [
  {
    // 1.2., 01.02.2025, 1. 2. 25 (Finnish), 01/02/2025, 01-02-2025
    pattern:
      /(?<![\p{N}.])(\d{1,2})([./-]) ?(\d{1,2})\2(?: ?((?:19|20)\d{2}|\d{2})(?!\p{N}))?(?!\p{N}|[./]\p{N})/gu,
    valid: ([day, , month]) => isDay(day) && isMonth(month),
  },
  {
    // 02/2025, 2.2025
    pattern: /(?<![\p{N}.])(\d{1,2})[./]((?:19|20)\d{2})(?![\p{N}]|[./-]\p{N})/gu,
    valid: ([month]) => isMonth(month),
  },
  {
    // 2025-01-02, 2025/01/02
    pattern: /(?<![\p{N}.])((?:19|20)\d{2})([./-])(\d{1,2})\2(\d{1,2})(?![\p{N}]|[./-]\p{N})/gu,
    valid: ([, , month, day]) => isMonth(month) && isDay(day),
  },
  {
    // 8.30, 08:30, 00:03:20
    pattern: /(?<![\p{N}.:])(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?![\p{N}]|[.:]\p{N})/gu,
    valid: ([hours, minutes, seconds]) =>
      Number(hours) <= 24 && Number(minutes) <= 59 && (seconds === undefined || Number(seconds) <= 59),
  },
];

const isDay = (value: string | undefined) => value !== undefined && Number(value) >= 1 && Number(value) <= 31;
const isMonth = (value: string | undefined) =>
  value !== undefined && Number(value) >= 1 && Number(value) <= 12;

/** Marks (1) each position of (normalised) text that is inside a real date or clock time. */
export const markDatesAndTimes = (text: string): Uint8Array => {
  const marks = new Uint8Array(text.length);
  for (const { pattern, valid } of DATE_PATTERNS) {
    for (const hit of text.matchAll(pattern)) {
      if (valid(hit.slice(1) as string[])) marks.fill(1, hit.index, hit.index + hit[0].length);
    }
  }
  return marks;
};

// A date or time, a range of two, perhaps followed by a small count: "01.02.2025 2 kpl", "08.30-09.45".
const DATES_ONLY = /^\(?D(?: ?- ?D)?(?: \d{1,2})?$/;

/** Whether text[start, end) is only dates and times ("04.01 23.45 67" is not: a number in disguise). */
export const isDatesAndTimesOnly = (text: string, start: number, end: number, dates: Uint8Array): boolean => {
  let shape = "";
  for (let index = start; index < end; index += 1) {
    if (dates[index] !== 1) shape += text.charAt(index);
    else if (dates[index - 1] !== 1 || index === start) shape += "D";
  }
  return DATES_ONLY.test(shape);
};
