import { isValidPersonalIdentityCode, PERSONAL_IDENTITY_CODE_PATTERN } from "./personal-identity-code.js";

export const PERSONAL_DATA_KINDS = ["personal_identity_code", "email", "phone", "customer_number"] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface Finding {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the text, end exclusive (String.prototype.slice semantics). */
  start: number;
  end: number;
  match: string;
}

// Not preceded by anything that makes the digits part of a date, time, version, ratio or word.
const START = String.raw`(?<![\p{L}\p{N}_+\-.,:/@])`;
// Not followed by a letter/digit, nor by a separator that continues a number ("12.3.", "3/5").
const END = String.raw`(?![\p{L}\p{N}_@]|[.,:/\-]\p{N})`;

const PATTERNS: ReadonlyArray<{
  kind: PersonalDataKind;
  pattern: RegExp;
  accept?: (match: string) => boolean;
}> = [
  {
    kind: "personal_identity_code",
    pattern: new RegExp(`${START}${PERSONAL_IDENTITY_CODE_PATTERN.source}${END}`, "giu"),
    accept: isValidPersonalIdentityCode,
  },
  {
    kind: "email",
    pattern: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu,
  },
  {
    // +358 40 1234567, +358 (0)40 123 4567, 00358 401234567, +46 8 123 456 78
    kind: "phone",
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}_])(?:\+|\b00)[1-9]\d{0,2}(?:[ -]?\(0\))?(?:[ -]?\d){6,12}${END}`,
      "gu",
    ),
  },
  {
    // 040 123 4567, 0401234567, 09-123 456, (09) 123 4567, 01053 040
    kind: "phone",
    pattern: new RegExp(String.raw`${START}(?:\(0\d{1,3}\)|0\d{1,4})(?:[ -]?\d){5,9}${END}`, "gu"),
  },
  {
    // asiakasnumero 123456, as.nro 4455, customer no. 12345, asiakas-id: AB-12345
    kind: "customer_number",
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}_])(?:asiakas(?:numero|nro|nr|tunnus|id|[- ]?(?:nro|nr|id|numero|no)\b\.?)|as\.? ?nro|asnro|(?:customer|client|account)[ -]?(?:number|num|no|nr|id|#)\.?|cust\.? ?(?:no|nr|id)\.?)\s*(?:[:#=]|is|on)?\s*[\p{L}]{0,3}-?\d(?:[ -]?\d){2,}${END}`,
      "giu",
    ),
  },
  {
    // A bare run of six or more digits is an identifier, never ordinary training prose.
    kind: "customer_number",
    pattern: new RegExp(String.raw`${START}\d{6,}${END}`, "gu"),
  },
];

/** Finds customer identifiers in free text written by people (R4). Overlaps resolve to the first pattern. */
export const findPersonalData = (text: string): Finding[] => {
  if (typeof text !== "string" || text.length === 0) return [];
  const findings: Finding[] = [];
  const overlaps = (start: number, end: number) => findings.some((f) => start < f.end && f.start < end);
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const hit of text.matchAll(pattern)) {
      const match = hit[0];
      const start = hit.index;
      const end = start + match.length;
      if (accept && !accept(match)) continue;
      if (!overlaps(start, end)) findings.push({ kind, start, end, match });
    }
  }
  return findings.sort((a, b) => a.start - b.start);
};
