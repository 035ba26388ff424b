import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  assertNoPersonalData,
  findPersonalData,
  freeText,
  isFreeTextSchema,
  isValidIban,
  isValidPersonalIdentityCode,
  normaliseForMatching,
  type PersonalDataKind,
} from "./index.js";
import { MUST_PASS, MUST_REFUSE } from "./personal-data-table.js";

/** Exact spans for ASCII text: the finding must point at the identifier itself. */
const positives: Array<[string, PersonalDataKind, string]> = [
  ["Soita numeroon 040 123 4567 huomenna", "phone", "040 123 4567"],
  ["Asiakkaan numero oli 0401234567.", "phone", "0401234567"],
  ["Vaihde 09-123 456", "phone", "09-123 456"],
  ["Call +358 40 1234567 back", "phone", "+358 40 1234567"],
  ["Puhelin +358 (0)40 123 4567", "phone", "+358 (0)40 123 4567"],
  ["soita 00358 40 1234567", "phone", "00358 40 1234567"],
  ["(09) 123 4567 on vaihde", "phone", "(09) 123 4567"],
  ["soita 040.123.4567 tanaan", "phone", "040.123.4567"],
  ["numero 040/1234567.", "phone", "040/1234567"],
  ["+1 (415) 555-2671 on USA", "phone", "+1 (415) 555-2671"],
  ["mail matti.meikalainen@example.fi please", "email", "matti.meikalainen@example.fi"],
  ["Kirjoita osoitteeseen asiakas+tilaus@yritys.co.uk.", "email", "asiakas+tilaus@yritys.co.uk"],
  ["Hetu 131052-308T kerrottiin", "personal_identity_code", "131052-308T"],
  ["1800s 010150+111X", "personal_identity_code", "010150+111X"],
  ["tili FI21 1234 5600 0007 85 ok", "iban", "FI21 1234 5600 0007 85"],
  ["tili FI2112345600000785.", "iban", "FI2112345600000785"],
  ["kortti 4111 1111 1111 1111", "payment_card", "4111 1111 1111 1111"],
  ["asiakasnumero 123456", "customer_number", "asiakasnumero 123456"],
  ["as. nro 778 899", "customer_number", "as. nro 778 899"],
  ["account #4321", "customer_number", "account #4321"],
  ["tilaus 1234567 jai kesken", "customer_number", "1234567"],
];

describe("the R4 tables", () => {
  it("hold at least 100 texts to refuse and 50 to pass", () => {
    expect(MUST_REFUSE.length).toBeGreaterThanOrEqual(100);
    expect(MUST_PASS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(MUST_REFUSE)("refuses %j as %s", (text, kind) => {
    const [first] = findPersonalData(text);
    expect(first?.kind).toBe(kind);
    expect(first && text.slice(first.start, first.end)).toBe(first?.match);
    expect(() => freeText({ max: 500 }).parse(text)).toThrow();
  });

  it.each(MUST_PASS)("passes %j", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe("findPersonalData (R4)", () => {
  it.each(positives)("finds in %j a %s at %j", (text, kind, match) => {
    const findings = findPersonalData(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ kind, match });
    expect(text.slice(finding!.start, finding!.end)).toBe(match);
  });

  it("reports offsets into the original text when normalising changed its length", () => {
    const text = "ok \u0301 soita \uFF10\uFF14\uFF10\u00A0\u200B123\u20134567 nyt";
    const [finding] = findPersonalData(text);
    expect(finding?.match).toBe("\uFF10\uFF14\uFF10\u00A0\u200B123\u20134567");
  });

  it("finds several identifiers in order and never overlapping", () => {
    const text =
      "Asiakas 131052-308T soitti numerosta 040 123 4567, sposti a.b@c.fi, tili FI2112345600000785, asiakasnumero 556677.";
    expect(findPersonalData(text).map((f) => f.kind)).toEqual([
      "personal_identity_code",
      "phone",
      "email",
      "iban",
      "customer_number",
    ]);
  });

  it.each([null, undefined, 42, {}])("treats non-text %j as nothing found", (value) => {
    expect(findPersonalData(value as unknown as string)).toEqual([]);
  });
});

describe("normaliseForMatching", () => {
  it.each([
    ["\uFF10\uFF14\uFF10", "040"],
    ["\u0660\u0669", "09"],
    ["a\u00A0b\u2009c\u202Fd", "a b c d"],
    ["1\u20132\u20143\u22124", "1-2-3-4"],
    ["x\u200By\u00ADz", "xyz"],
    ["m\uFF20e", "m@e"],
  ])("%j → %j", (text, expected) => {
    expect(normaliseForMatching(text).text).toBe(expected);
  });
});

describe("isValidPersonalIdentityCode", () => {
  it.each([
    ["131052-308T", true],
    ["131052X308T", true],
    ["131052-308U", false],
    ["320152-308T", false],
    ["131052G308T", false],
    ["131052-308", false],
  ])("%s → %s", (code, expected) => {
    expect(isValidPersonalIdentityCode(code)).toBe(expected);
  });
});

describe("isValidIban", () => {
  it.each([
    ["FI21 1234 5600 0007 85", true],
    ["FI2112345600000785", true],
    ["GB29NWBK60161331926819", true],
    ["FI21 1234 5600 0007 86", false],
    ["FI21 1234 5600 0007 8", false],
    ["XX21 1234 5600 0007 85", false],
    ["NO9386011117947", true],
    ["NO938601111794", false],
  ])("%s → %s", (iban, expected) => {
    expect(isValidIban(iban)).toBe(expected);
  });
});

describe("assertNoPersonalData (R4)", () => {
  it("accepts ordinary training text", () => {
    expect(() =>
      assertNoPersonalData("description", "Vaihe 3/5: kuuntele klo 10:30 alkava osa"),
    ).not.toThrow();
  });

  it.each(positives)("refuses %j with reason personal_data.%s", (text, kind, match) => {
    try {
      assertNoPersonalData("playlist.description", text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError).toMatchObject({
        code: "VALIDATION",
        field: "playlist.description",
        rule: "R4",
        reason: `personal_data.${kind}`,
      });
      expect(domainError.message).toContain('Field "playlist.description"');
      expect(domainError.message).toContain("(R4)");
      expect(domainError.message).not.toContain(match);
    }
  });

  it("refuses non-text input", () => {
    expect(() => assertNoPersonalData("note", 5 as unknown as string)).toThrow(
      expect.objectContaining({ field: "note", rule: "R4" }),
    );
  });
});

describe("freeText (the one zod helper for text people type)", () => {
  const schema = freeText({ max: 50 });

  it.each([
    ["  Vaihe 2: vastaväitteet  ", true],
    ["", false],
    ["x".repeat(51), false],
    ["soita 040 123 4567", false],
    ["tili FI21 1234 5600 0007 85", false],
  ])("%j → valid %s", (value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  it("marks the issue with rule R4 and the reason key, and never repeats the match", () => {
    const result = schema.safeParse("matti\uFF20example.fi");
    const issue = result.error?.issues[0];
    expect(issue && "params" in issue ? issue.params : undefined).toEqual({
      rule: "R4",
      reason: "personal_data.email",
    });
    expect(issue?.message).not.toContain("example");
  });

  it("is recognisable as guarded, also through optional and nullable", () => {
    expect(isFreeTextSchema(schema)).toBe(true);
    expect(isFreeTextSchema(schema.optional().unwrap())).toBe(true);
    expect(isFreeTextSchema(freeText({ max: 5 }).min(2))).toBe(false);
  });
});

describe("adversarial input", () => {
  // Each of these took 15–18 s with a start-anywhere e-mail pattern (quadratic); now linear.
  it.each([
    ["letters", "a".repeat(100_000)],
    ["digits", "1".repeat(100_000)],
    ["dotted", "a.".repeat(50_000)],
    ["hyphenated digits", "1-".repeat(50_000)],
    ["spaced zeros", "0 ".repeat(50_000)],
    ["full-width digits", "\uFF11".repeat(100_000)],
    ["no-break spaced", "0\u00A0".repeat(50_000)],
    ["at signs", "a@".repeat(50_000)],
    ["a long dotted e-mail domain", `x@${"a.".repeat(50_000)}`],
    ["IBAN prefixes", "FI21 ".repeat(20_000)],
    ["plus signs and digits", "+1 ".repeat(33_000)],
    ["bracketed zeros", "(0) ".repeat(25_000)],
  ])("scans 100,000 characters of %s without backtracking blow-up", (_, text) => {
    const findings = findPersonalData(text);
    expect(
      findings.every((finding) => ["customer_number", "phone", "payment_card"].includes(finding.kind)),
    ).toBe(true);
  });
});
