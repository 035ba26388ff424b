import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "./index.js";

/**
 * Generated disguises of known identifiers: every digit in a random script, random separators
 * (Unicode spaces, dashes, dots, slashes, invisible characters) between digit groups, inside
 * ordinary prose. Each must still be found. Seeded, so a failure reproduces.
 */

const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce, 0x1d7f6];
const SEPARATORS = [
  " ",
  "\u00A0",
  "\u2009",
  "\u202F",
  "\u2007",
  "\u3000",
  "-",
  "\u2010",
  "\u2011",
  "\u2013",
  "\u2014",
  "\u2212",
  "\uFF0D",
  ".",
  "\uFF0E",
  "\u00B7",
  "/",
  "\uFF0F",
  "_",
  " - ",
  " / ",
  "\u200B",
  "\u00AD",
  "\u2060",
  "\t",
];
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\u00AD", "\u2060", "\uFEFF"];
const PREFIXES = ["", "Soita ", "Asiakas antoi tiedon: ", "puh. ", "(", "Huom! ", "Vaihe 3/5: "];
const SUFFIXES = ["", ".", " kiitos", ")", ", soita takaisin klo 10.30", "!"];

const PHONES = [
  "0401234567",
  "0501234567",
  "091234567",
  "0451234567",
  "+358401234567",
  "+46812345678",
  "+14155552671",
  "00358401234567",
];
const IDENTITY_CODES = ["131052-308T", "150305A123B", "010594Y9021", "010150+111X"];
const IBANS = [
  "FI2112345600000785",
  "DE89370400440532013000",
  "GB29NWBK60161331926819",
  "NO9386011117947",
  "SE4550000000058398257466",
];
const EMAILS = [
  ["matti.meikalainen", "example.fi"],
  ["asiakas+tilaus", "yritys.co.uk"],
  ["a.b", "c.fi"],
] as const;

const digitForm = fc.constantFrom(...ZEROS);
const separator = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom(...SEPARATORS) },
);

/** Renders each character: digits in a random script, then maybe a separator before the next one. */
const disguise = (identifier: string, between: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.array(digitForm, { minLength: identifier.length, maxLength: identifier.length }),
      fc.array(between, { minLength: identifier.length, maxLength: identifier.length }),
    )
    .map(([zeros, gaps]) =>
      [...identifier]
        .map((character, index) => {
          const rendered = /\d/.test(character)
            ? String.fromCodePoint((zeros[index] ?? 0x30) + Number(character))
            : character;
          return index === identifier.length - 1 ? rendered : rendered + (gaps[index] ?? "");
        })
        .join(""),
    );

const inProse = (identifier: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom(...PREFIXES), identifier, fc.constantFrom(...SUFFIXES))
    .map((parts) => parts.join(""));

const PARAMETERS = { seed: 20261206, numRuns: 400 } as const;

const expectFound = (text: string) => {
  expect(findPersonalData(text), JSON.stringify(text)).not.toEqual([]);
};

describe("disguised identifiers are still found (R4, generated)", () => {
  it("phone numbers with any separators and digit forms", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PHONES).chain((phone) => inProse(disguise(phone, separator))),
        expectFound,
      ),
      PARAMETERS,
    );
  });

  it("personal identity codes with any digit forms, dashes and invisible characters", () => {
    const invisible = fc.oneof(
      { weight: 4, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
    );
    const dashes = fc.constantFrom("-", "\u2010", "\u2011", "\u2013", "\u2212", "\uFF0D");
    const code = fc
      .tuple(fc.constantFrom(...IDENTITY_CODES), dashes)
      .chain(([identity, dash]) => disguise(identity.replace("-", dash), invisible));
    fc.assert(fc.property(inProse(code), expectFound), PARAMETERS);
  });

  it("IBANs grouped any way, in any digit form", () => {
    const gap = fc.oneof(
      { weight: 3, arbitrary: fc.constant("") },
      { weight: 1, arbitrary: fc.constantFrom(" ", "\u00A0", "\u2009", "-", "\u200B") },
    );
    const iban = fc
      .tuple(fc.constantFrom(...IBANS), fc.boolean())
      .chain(([value, lower]) => disguise(lower ? value.toLowerCase() : value, gap));
    fc.assert(fc.property(inProse(iban), expectFound), PARAMETERS);
  });

  it("e-mail addresses with any at sign and width", () => {
    const at = fc.constantFrom("@", "\uFF20", "\uFE6B", " @ ", "(at)", " [at] ", "\u200B@");
    const wide = (text: string) =>
      [...text]
        .map((c) => (/[a-z0-9.]/.test(c) ? String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0) : c))
        .join("");
    const email = fc
      .tuple(fc.constantFrom(...EMAILS), at, fc.boolean(), fc.boolean())
      .map(
        ([[local, domain], sign, wideLocal, wideDomain]) =>
          `${wideLocal ? wide(local) : local}${sign}${wideDomain ? wide(domain) : domain}`,
      );
    fc.assert(fc.property(inProse(email), expectFound), PARAMETERS);
  });
});
