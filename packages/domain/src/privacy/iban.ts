/** IBAN length per country code (SWIFT IBAN registry; AX, Åland, uses Finland's format). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AX: 18,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** ISO 13616 check: the rearranged IBAN, letters as 10–35, is 1 modulo 97. */
export const isValidIban = (candidate: string): boolean => {
  const iban = candidate.replace(/[\s-]/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  let remainder = 0;
  for (const character of iban.slice(4) + iban.slice(0, 4)) {
    const value = Number.parseInt(character, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder === 1;
};

// An IBAN starts a word; its characters may be grouped by spaces, dashes or dots anywhere.
const WORD_START = /(?<![\p{L}\p{N}])[a-z]/giu;
const BODY_CHARACTER = /[A-Za-z0-9]/;
const GROUP_SEPARATOR = /[ \-./]/;
const LONGEST = Math.max(...Object.values(IBAN_LENGTHS));

/** Spans of checksum-valid IBANs in (normalised) text, each as [start, end). */
export const findIbans = (text: string): Array<[number, number]> => {
  const spans: Array<[number, number]> = [];
  for (const hit of text.matchAll(WORD_START)) {
    let compact = "";
    let index = hit.index;
    let length = LONGEST;
    while (compact.length < length && index < text.length) {
      const character = text.charAt(index);
      if (BODY_CHARACTER.test(character)) compact += character.toUpperCase();
      else if (!(GROUP_SEPARATOR.test(character) && BODY_CHARACTER.test(text.charAt(index + 1)))) break;
      index += 1;
      if (compact.length === 2) length = IBAN_LENGTHS[compact] ?? 0;
      if (compact.length === 4 && !/^[A-Z]{2}\d{2}$/.test(compact)) break;
    }
    if (compact.length === length && isValidIban(compact)) spans.push([hit.index, index]);
  }
  return spans;
};
