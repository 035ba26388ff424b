import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import {
  assertNoPersonalData,
  findPersonalData,
  freeTextWithoutPersonalData,
  isValidPersonalIdentityCode,
  PERSONAL_DATA_KINDS,
  PERSONAL_DATA_REASON_TEXTS,
  type PersonalDataKind,
  personalDataReason,
} from "./index.js";

const positives: Array<[string, PersonalDataKind, string]> = [
  ["Soita numeroon 040 123 4567 huomenna", "phone", "040 123 4567"],
  ["Asiakkaan numero oli 0401234567.", "phone", "0401234567"],
  ["Vaihde 09-123 456", "phone", "09-123 456"],
  ["Call +358 40 1234567 back", "phone", "+358 40 1234567"],
  ["Call +358401234567", "phone", "+358401234567"],
  ["Puhelin +358 (0)40 123 4567", "phone", "+358 (0)40 123 4567"],
  ["soita 00358 40 1234567", "phone", "00358 40 1234567"],
  ["(09) 123 4567 on vaihde", "phone", "(09) 123 4567"],
  ["vaihde 01053 040", "phone", "01053 040"],
  ["puh. 050-5551234", "phone", "050-5551234"],
  ["Sweden +46 8 123 456 78", "phone", "+46 8 123 456 78"],
  ["mail matti.meikalainen@example.fi please", "email", "matti.meikalainen@example.fi"],
  ["Kirjoita osoitteeseen asiakas+tilaus@yritys.co.uk.", "email", "asiakas+tilaus@yritys.co.uk"],
  ["ÄLÄ@esimerkki.fi", "email", "ÄLÄ@esimerkki.fi"],
  ["Hetu 131052-308T kerrottiin", "personal_identity_code", "131052-308T"],
  ["hetu 131052-308t pienellä", "personal_identity_code", "131052-308t"],
  ["2000-luvulla syntynyt 150305A123B", "personal_identity_code", "150305A123B"],
  ["new sign 010594Y9021", "personal_identity_code", "010594Y9021"],
  ["1800s 010150+111X", "personal_identity_code", "010150+111X"],
  ["asiakasnumero 123456", "customer_number", "asiakasnumero 123456"],
  ["Asiakasnumero: 4455", "customer_number", "Asiakasnumero: 4455"],
  ["as.nro 7788", "customer_number", "as.nro 7788"],
  ["as. nro 778 899", "customer_number", "as. nro 778 899"],
  ["asiakas-id AB-12345", "customer_number", "asiakas-id AB-12345"],
  ["customer no. 12345", "customer_number", "customer no. 12345"],
  ["Customer number is 998877", "customer_number", "Customer number is 998877"],
  ["account #4321", "customer_number", "account #4321"],
  ["tilaus 1234567 jäi kesken", "customer_number", "1234567"],
  ["viite 987654", "customer_number", "987654"],
  ["SÄHKÖPOSTI MATTI@ESIMERKKI.FI", "email", "MATTI@ESIMERKKI.FI"],
  ["puh 045 678 9012", "phone", "045 678 9012"],
  ["+358-40-123-4567", "phone", "+358-40-123-4567"],
  ["soita 0800 12345", "phone", "0800 12345"],
  ["asiakasnro 1234", "customer_number", "asiakasnro 1234"],
  ["Customer ID: 88-7766", "customer_number", "Customer ID: 88-7766"],
  ["cust. no 4455", "customer_number", "cust. no 4455"],
  ["(asiakasnumero 123456)", "customer_number", "asiakasnumero 123456"],
];

const negatives: string[] = [
  "Lesson 2",
  "Vuonna 2024 aloitettu koulutus",
  "Palaveri klo 10:30",
  "Palaveri klo 09:30-10.15",
  "Päivämäärä 12.3.2025",
  "ISO-päivä 2024-03-12",
  "vaihe 3/5",
  "Osa 3 / 5",
  "versio 1.2.3",
  "Q3/2024 tulokset",
  "alennus 0,5 %",
  "1 000 euroa",
  "100 000 euroa",
  "puhelu kesti 3 min 20 s",
  "R4-sääntö ja ISO 8601",
  "Hyvä esimerkki vastaväitteen käsittelystä",
  "klo 8.00–16.00",
  "Taso 0 1 2",
  "hetu 131052-308U on väärä tarkiste",
  "310299-0029 on mahdoton päivä",
  "customer was happy",
  "asiakas numero kaksi",
  "pvm 01.02.2025",
  "1.1.2025–31.12.2025",
  "kausi 2025-2026",
  "ver. 10.0.19045",
  "hinta 1 299,00 €",
  "sivu 123, huone 101",
  "Q1 2025 ja Q2 2025",
  "klo 9–10 ja 13–14",
  "3 kpl, 12 kpl, 150 kpl",
  "tilaus 12345 toimitettiin",
  "0 % virheitä",
  "asiakasnumero kysytään puhelussa",
  "sähköposti: ei mitään @ täällä",
  "",
];

describe("findPersonalData (R4)", () => {
  it.each(positives)("finds in %j a %s", (text, kind, match) => {
    const findings = findPersonalData(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ kind, match });
    expect(text.slice(finding!.start, finding!.end)).toBe(match);
  });

  it.each(negatives)("finds nothing in %j", (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it("finds several identifiers in order and never overlapping", () => {
    const text = "Asiakas 131052-308T soitti numerosta 040 123 4567, sposti a.b@c.fi, asiakasnumero 556677.";
    expect(findPersonalData(text).map((f) => f.kind)).toEqual([
      "personal_identity_code",
      "phone",
      "email",
      "customer_number",
    ]);
  });

  it.each([null, undefined, 42, {}])("treats non-text %j as nothing found", (value) => {
    expect(findPersonalData(value as unknown as string)).toEqual([]);
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

describe("freeTextWithoutPersonalData and reason texts", () => {
  const schema = freeTextWithoutPersonalData({ max: 50 });

  it.each([
    ["  Vaihe 2: vastaväitteet  ", true],
    ["", false],
    ["x".repeat(51), false],
    ["soita 040 123 4567", false],
  ])("%j → valid %s", (value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  it("marks the issue with rule R4 and the reason key, which has fi and en texts", () => {
    const result = schema.safeParse("matti@example.fi");
    const issue = result.error?.issues[0];
    expect(issue && "params" in issue ? issue.params : undefined).toEqual({
      rule: "R4",
      reason: "personal_data.email",
    });
    for (const kind of PERSONAL_DATA_KINDS) {
      const texts = PERSONAL_DATA_REASON_TEXTS[personalDataReason(kind)];
      expect(texts.fi.length).toBeGreaterThan(10);
      expect(texts.en.length).toBeGreaterThan(10);
    }
  });
});

describe("adversarial input", () => {
  // Each of these took 15–18 s with a start-anywhere e-mail pattern (quadratic); now linear.
  it.each([
    ["letters", "a".repeat(100_000)],
    ["digits", "1".repeat(100_000)],
    ["dotted", "a.".repeat(50_000)],
    ["hyphenated digits", "1-".repeat(50_000)],
  ])("scans 100,000 characters of %s without backtracking blow-up", (_, text) => {
    const findings = findPersonalData(text);
    expect(findings.every((finding) => finding.kind === "customer_number")).toBe(true);
  });
});
