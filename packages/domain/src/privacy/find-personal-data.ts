import { isDatesAndTimesOnly, markDatesAndTimes } from "./date-and-time-spans.js";
import { findIbans } from "./iban.js";
import { normaliseForMatching } from "./normalise-for-matching.js";
import { isValidPersonalIdentityCode, PERSONAL_IDENTITY_CODE_PATTERN } from "./personal-identity-code.js";

export const PERSONAL_DATA_KINDS = [
  "personal_identity_code",
  "iban",
  "payment_card",
  "email",
  "phone",
  "customer_number",
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface Finding {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the original text, end exclusive (String.prototype.slice semantics). */
  start: number;
  end: number;
  match: string;
}

// Not preceded by anything that makes the digits part of a date, time, version, ratio or word.
const START = String.raw`(?<![\p{L}\p{N}_+\-.,:/@])`;
// Not followed by a letter/digit, nor by a separator that continues a number ("12.3.", "3/5").
const END = String.raw`(?![\p{L}\p{N}_@]|[.,:/\-]\p{N})`;
// A bare number may follow a label's colon ("viite:987654"), not a time's ("10:30").
const BARE_START = String.raw`(?<![\p{L}\p{N}_+\-.,/@]|\p{N}:)`;
// Phone numbers may follow letters ("puh.040…"), but not continue another number ("10.0401…", "1-04…").
const PHONE_START = String.raw`(?<![\p{N}_+@]|\p{N}[.,:/\-])`;
// What people put between digit groups of a phone number: spaces, dashes, dots, slashes, brackets.
const SEP = String.raw`[ ()\-./_]{0,3}`;

const AT = String.raw`(?: ?@ ?|\s?[(\[{<]\s?at\s?[)\]}>]\s?)`;
const DOT = String.raw`(?:\.|\s?[(\[{<]\s?dot\s?[)\]}>]\s?)`;

const luhn = (candidate: string): boolean => {
  const digits = candidate.replace(/\D/g, "");
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits.charAt(digits.length - 1 - index));
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

type Span = [number, number];

interface Detector {
  kind: PersonalDataKind;
  find: (text: string, dates: Uint8Array) => Iterable<Span>;
}

const byPattern = (
  pattern: RegExp,
  accept?: (match: string, start: number, text: string, dates: Uint8Array) => boolean,
) =>
  function* (text: string, dates: Uint8Array): Iterable<Span> {
    for (const hit of text.matchAll(pattern)) {
      if (accept && !accept(hit[0], hit.index, text, dates)) continue;
      yield [hit.index, hit.index + hit[0].length];
    }
  };

const notOnlyDates = (match: string, start: number, text: string, dates: Uint8Array) =>
  !isDatesAndTimesOnly(text, start, start + match.length, dates);

const DETECTORS: readonly Detector[] = [
  {
    kind: "personal_identity_code",
    find: byPattern(
      new RegExp(`${START}${PERSONAL_IDENTITY_CODE_PATTERN.source}${END}`, "giu"),
      isValidPersonalIdentityCode,
    ),
  },
  { kind: "iban", find: findIbans },
  {
    // matti@example.fi, matti @ example.fi, matti(at)example(dot)fi
    kind: "email",
    find: byPattern(
      new RegExp(
        String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}`,
        "giu",
      ),
    ),
  },
  {
    // 4111 1111 1111 1111 with a valid Luhn check digit
    kind: "payment_card",
    find: byPattern(/(?<![\p{L}\p{N}_.])\d(?:[ -]?\d){12,18}(?!\p{N})/gu, luhn),
  },
  {
    // +358 40 1234567, +358 (0)40 123 4567, 00358 401234567, +1 (415) 555-2671
    kind: "phone",
    find: byPattern(
      new RegExp(String.raw`${PHONE_START}(?:\+|00)${SEP}[1-9](?:${SEP}\d){6,14}${END}`, "gu"),
      notOnlyDates,
    ),
  },
  {
    // 040 123 4567, 0401234567, 09-123 456, (09) 123 4567, 040.123.4567, 040/1234567
    kind: "phone",
    find: byPattern(new RegExp(String.raw`${PHONE_START}\(?0(?:${SEP}\d){6,13}${END}`, "gu"), notOnlyDates),
  },
  {
    // asiakasnumero 123456, as.nro 4455, customer no. 12345, asiakas-id: AB-12345
    kind: "customer_number",
    find: byPattern(
      new RegExp(
        String.raw`(?<![\p{L}\p{N}_])(?:asiakas(?:numero|nro|nr|tunnus|id|[- ]?(?:nro|nr|id|numero|no)\b\.?)|as\.? ?nro|asnro|(?:customer|client|account)[ -]?(?:number|num|no|nr|id|#)\.?|cust\.? ?(?:no|nr|id)\.?)\s*(?:[:#=]|is|on)?\s*[\p{L}]{0,3}-?\d(?:[ -]?\d){2,}${END}`,
        "giu",
      ),
    ),
  },
  {
    // A bare run of six or more digits is an identifier, never ordinary training prose.
    kind: "customer_number",
    find: byPattern(new RegExp(String.raw`${BARE_START}\d{6,}${END}`, "gu")),
  },
];

/**
 * Finds customer identifiers in free text written by people (R4), after normalising what a reader
 * cannot tell apart (Unicode compatibility forms, spaces, dashes, digits). It over-matches on purpose:
 * a refused harmless text costs a rewording, a missed identifier stays in the register.
 * Overlaps resolve to the first detector.
 */
export const findPersonalData = (text: string): Finding[] => {
  if (typeof text !== "string" || text.length === 0) return [];
  const normalised = normaliseForMatching(text);
  const dates = markDatesAndTimes(normalised.text);
  const findings: Finding[] = [];
  const overlaps = (start: number, end: number) => findings.some((f) => start < f.end && f.start < end);
  for (const detector of DETECTORS) {
    for (const [from, to] of detector.find(normalised.text, dates)) {
      const start = normalised.start[from] ?? 0;
      const end = normalised.end[to - 1] ?? text.length;
      if (!overlaps(start, end)) {
        findings.push({ kind: detector.kind, start, end, match: text.slice(start, end) });
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
};
