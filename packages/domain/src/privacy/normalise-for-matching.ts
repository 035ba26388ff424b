/**
 * The text the customer-data matchers read (R4): one canonical form for everything that looks the same
 * to a reader, so that "040 123 4567" cannot slip past written with no-break or thin spaces, en dashes,
 * full-width or Arabic-Indic digits, a full-width at sign or zero-width characters in between.
 * `start[i]`/`end[i]` give the span of the original text that produced character i (for offsets).
 */
export interface NormalisedText {
  text: string;
  start: readonly number[];
  end: readonly number[];
}

// A base character with the combining marks that follow it: the unit NFKC composes within.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;
const SPACE = /[\p{Zs}\t\n\v\f\r\u0085\u2028\u2029]/u;
// Dashes, the minus sign, hyphen bullet and the small/full-width hyphen-minus forms.
const DASH = /[\p{Pd}\u2212\u2043\uFE63\uFF0D]/u;
// Dot-like separators people put between digit groups: middle dots, bullets, one-dot leader.
const DOT = /[\u00B7\u2022\u2024\u2027\u2219\u22C5\u30FB\uFF65\u3002\uFF61]/u;
const SLASH = /[\u2044\u2215\u29F8\uFF0F]/u;
// Invisible: combining marks left after NFKC, format characters (zero-width, soft hyphen, bidi controls).
const INVISIBLE = /[\p{M}\p{Cf}]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const ONLY_PLAIN_ASCII = /^[\x20-\x7E]*$/;

const digitValues = new Map<number, string>();

/** Decimal digits are encoded in runs of ten from zero, so a digit's value is its place in its run. */
const asciiDigit = (codePoint: number): string => {
  const known = digitValues.get(codePoint);
  if (known !== undefined) return known;
  let runStart = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(runStart - 1))) runStart -= 1;
  const value = String((codePoint - runStart) % 10);
  digitValues.set(codePoint, value);
  return value;
};

const canonical = (character: string): string => {
  if (INVISIBLE.test(character)) return "";
  if (SPACE.test(character)) return " ";
  if (DASH.test(character)) return "-";
  if (DOT.test(character)) return ".";
  if (SLASH.test(character)) return "/";
  const codePoint = character.codePointAt(0) ?? 0;
  if (codePoint > 0x7f && DECIMAL_DIGIT.test(character)) return asciiDigit(codePoint);
  return character;
};

export const normaliseForMatching = (text: string): NormalisedText => {
  if (ONLY_PLAIN_ASCII.test(text)) {
    const offsets = Array.from({ length: text.length }, (_, index) => index);
    return { text, start: offsets, end: offsets.map((index) => index + 1) };
  }
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  for (const cluster of text.matchAll(CLUSTER)) {
    const from = cluster.index;
    const to = from + cluster[0].length;
    for (const character of cluster[0].normalize("NFKC")) {
      const replaced = canonical(character);
      for (let index = 0; index < replaced.length; index += 1) {
        start.push(from);
        end.push(to);
      }
      out += replaced;
    }
  }
  return { text: out, start, end };
};
