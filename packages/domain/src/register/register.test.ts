import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/index.js";
import { RECORDING_METADATA_FIELDS } from "../recording/index.js";
import {
  DEFAULT_REGISTER_CONFIG,
  LOCALES,
  REGISTER_DESCRIPTION,
  REGISTER_ITEM_IDS,
  recordOfProcessing,
  registerDescription,
  renderPrivacyNotice,
  renderPrivacyNoticeText,
  resolveRegisterConfig,
  STAFF_DATA_FIELD_LABELS,
} from "./index.js";

describe("register description items 1–9 (R1)", () => {
  it("has items 1–9 in order, each in Finnish and English", () => {
    expect(REGISTER_DESCRIPTION.items.map((item) => item.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(REGISTER_DESCRIPTION.items.map((item) => item.id)).toEqual([...REGISTER_ITEM_IDS]);
    for (const item of REGISTER_DESCRIPTION.items) {
      for (const locale of LOCALES) {
        expect(item.heading[locale].length).toBeGreaterThan(3);
        expect(item.paragraphs[locale].length).toBeGreaterThan(0);
      }
    }
    expect(REGISTER_DESCRIPTION.drawnUpOn).toBe("2011-02-28");
  });

  it.each([
    ["controller", "fi", "Sähkötie 1, 01510 VANTAA"],
    ["contact", "fi", "Katriina Hytönen"],
    ["register_name", "fi", "Kespron asiakaspalvelun puhelutallenteet"],
    ["purpose", "fi", "yksilö- ja yksikkökohtaisissa koulutuksissa"],
    ["data_content", "fi", "Tiedot tallentuvat vain puhelunauhoitteelle, niitä ei kerätä muussa muodossa."],
    ["sources", "fi", "puheluntallennusjärjestelmästä"],
    ["disclosures", "fi", "Tiedostoja ei luovuteta Kespron ulkopuolisten yritysten koulutuksiin."],
    ["transfers", "fi", "Tietoja ei siirretä EU:n tai Euroopan talousalueen ulkopuolelle."],
    ["security", "fi", "Rekisteristä ei synny manuaalisesti tallennettuja tiedostoja."],
    ["controller", "en", "PL 15, 00016 KESKO"],
    ["data_content", "en", "it is not collected in any other form"],
    ["disclosures", "en", "non-disclosure undertaking"],
    ["security", "en", "own username and password"],
  ] as const)("item %s (%s) says %j", (id, locale, phrase) => {
    const item = REGISTER_DESCRIPTION.items.find((candidate) => candidate.id === id);
    expect(item?.paragraphs[locale].join(" ")).toContain(phrase);
  });

  it("controller and contact are configuration with the document's defaults", () => {
    expect(DEFAULT_REGISTER_CONFIG).toMatchObject({ controllerName: "Kespro Oy", phone: "01053 040" });
    const described = registerDescription({
      controllerName: "Kespro Ab",
      contactEmail: "tietosuoja@example.fi",
    });
    expect(described.items[0]?.paragraphs.en[0]).toBe("Kespro Ab");
    expect(described.items[1]?.paragraphs.fi).toContain("Sähköposti: tietosuoja@example.fi");
    expect(resolveRegisterConfig({ phone: undefined }).phone).toBe("01053 040");
  });

  it.each([
    { controllerName: "" },
    { contactEmail: "not-mail" },
    { phone: "x".repeat(201) },
    { secretKey: "x" } as never,
  ])("refuses a malformed config %j", (overrides) => {
    expect(() => resolveRegisterConfig(overrides)).toThrow();
  });
});

describe.each(LOCALES)("renderPrivacyNotice(%s)", (locale) => {
  const notice = renderPrivacyNotice(locale);
  const section = (id: string) => notice.sections.find((candidate) => candidate.id === id);
  const all = (id: string) => [...(section(id)?.paragraphs ?? []), ...(section(id)?.list ?? [])].join(" ");

  it("has every required section in order", () => {
    expect(notice.locale).toBe(locale);
    expect(notice.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(notice.sections.map((s) => s.id)).toEqual([...REGISTER_ITEM_IDS, "retention", "rights"]);
    expect(notice.title).toContain(locale === "fi" ? "Kespron asiakaspalvelun" : "Kespro customer service");
  });

  it("lists exactly the R3 staff fields as data content", () => {
    const labels = STAFF_DATA_FIELD_LABELS.map(({ label }) => label[locale]);
    expect(section("data_content")?.list).toEqual(labels);
    const metadataStaffFields = RECORDING_METADATA_FIELDS.filter(
      (f) => f !== "sourceRecordingId" && f !== "unitCode",
    );
    expect(STAFF_DATA_FIELD_LABELS.map(({ field }) => field)).toEqual(metadataStaffFields);
    expect(all("data_content")).toMatch(
      locale === "fi" ? /vain itse äänitallenteessa/ : /only inside the audio/,
    );
  });

  it("states controller, disclosures, transfers, security and rights", () => {
    expect(all("controller")).toContain("Kespro Oy");
    expect(all("contact")).toContain("Katriina Hytönen");
    expect(all("disclosures")).toMatch(locale === "fi" ? /vaitiolositoumusta/ : /non-disclosure undertaking/);
    expect(all("disclosures")).toMatch(locale === "fi" ? /lakiin perustuvan/ : /statutory obligation/);
    expect(all("transfers")).toMatch(/EU/);
    expect(section("security")?.list?.length).toBeGreaterThanOrEqual(4);
    for (const article of ["15", "16", "17", "21"])
      expect(all("rights")).toMatch(new RegExp(`${article} art|Art\\. ${article}`));
    expect(all("rights")).toContain("tietosuojavaltuutettu");
  });

  it("states the retention periods actually configured", () => {
    expect(all("retention")).toMatch(/365/);
    expect(all("retention")).toMatch(/1096/);
    const custom = renderPrivacyNotice(locale, { retention: { ordinaryDays: 90, trainingDays: 730 } });
    const text = custom.sections.find((s) => s.id === "retention")?.paragraphs.join(" ") ?? "";
    expect(text).toMatch(/\b90\b/);
    expect(text).toMatch(/\b730\b/);
    expect(text).not.toMatch(/365/);
  });

  it("uses an overridden controller", () => {
    const custom = renderPrivacyNotice(locale, {
      config: { controllerName: "Testi Oy", contactName: "Tiina Testaaja" },
    });
    expect(custom.sections[0]?.paragraphs[0]).toBe("Testi Oy");
    expect(custom.sections[1]?.paragraphs[0]).toBe("Tiina Testaaja");
  });

  it("renders as plain text with headings and list items", () => {
    const text = renderPrivacyNoticeText(notice);
    expect(text.startsWith(`${notice.title}\n`)).toBe(true);
    for (const s of notice.sections) expect(text).toContain(`\n${s.heading}\n`);
    expect(text).toContain(`- ${STAFF_DATA_FIELD_LABELS[0]?.label[locale]}`);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("records processing (GDPR Art. 30)", () => {
    const record = recordOfProcessing(locale, { retention: { ordinaryDays: 100, trainingDays: 200 } });
    expect(record.controller.controllerName).toBe("Kespro Oy");
    expect(record.transfersOutsideEuEea.any).toBe(false);
    expect(record.retention).toMatchObject({ ordinaryDays: 100, trainingDays: 200 });
    expect(record.dataSubjectCategories).toHaveLength(2);
    expect(record.personalDataCategories[0]).toContain(STAFF_DATA_FIELD_LABELS[2]?.label[locale]);
    expect(record.recipients.length).toBeGreaterThanOrEqual(3);
    expect(record.securityMeasures.length).toBeGreaterThanOrEqual(4);
    expect(record.purposes.join(" ")).toMatch(/Kespro/);
  });
});

describe("malformed options", () => {
  it("refuses an unsupported locale", () => {
    expect(() => renderPrivacyNotice("sv" as never)).toThrow(RangeError);
    expect(() => recordOfProcessing("de" as never)).toThrow(RangeError);
  });

  it("refuses an invalid retention policy with rule R13", () => {
    expect(() => renderPrivacyNotice("fi", { retention: { ordinaryDays: 0, trainingDays: 10 } })).toThrow(
      DomainError,
    );
  });
});
