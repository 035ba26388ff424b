import { describe, expect, it } from "vitest";
import * as askCan from "../examples/ask-can.js";
import askCanSource from "../examples/ask-can.ts?raw";
import * as freeText from "../examples/check-free-text.js";
import freeTextSource from "../examples/check-free-text.ts?raw";
import * as purge from "../examples/compute-purge-date.js";
import purgeSource from "../examples/compute-purge-date.ts?raw";
import * as notice from "../examples/render-notice.js";
import noticeSource from "../examples/render-notice.ts?raw";
import * as metadata from "../examples/validate-recording-metadata.js";
import metadataSource from "../examples/validate-recording-metadata.ts?raw";
import readme from "../README.md?raw";

describe("README examples are real, tested code", () => {
  it.each([
    ["examples/validate-recording-metadata.ts", metadataSource],
    ["examples/check-free-text.ts", freeTextSource],
    ["examples/ask-can.ts", askCanSource],
    ["examples/compute-purge-date.ts", purgeSource],
    ["examples/render-notice.ts", noticeSource],
  ])("README includes %s verbatim", (path, source) => {
    expect(readme).toContain(`From \`${path}\`:`);
    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
  });

  it("validate recording metadata", () => {
    expect(metadata.metadata.phoneNumber).toBe("+358401234567");
    expect(metadata.metadata.callStartedAt).toEqual(new Date("2025-03-12T08:30:00Z"));
    expect(metadata.refusal).toEqual({
      code: "VALIDATION",
      field: "callerNumber",
      rule: "R4",
      reason: "metadata.customer_data",
      message: 'Field "callerNumber" is not allowed: customer data may exist only inside the audio (R4)',
    });
  });

  it("check free text", () => {
    expect(freeText.clean).toEqual([]);
    expect(freeText.findings).toEqual([
      { kind: "phone", start: 25, end: 37, match: "040 123 4567" },
      { kind: "customer_number", start: 39, end: 52, match: "as.nro 556677" },
    ]);
    expect(freeText.refusal).toEqual({ field: "description", rule: "R4", reason: "personal_data.email" });
  });

  it("ask can()", () => {
    expect(askCan.trainerInUnit).toBe(true);
    expect(askCan.trainerElsewhere).toEqual({
      allowed: false,
      reason: "recording.listen is granted, but not for this resource (outside scope)",
    });
    expect(askCan.administratorListens).toBe(false);
    expect(askCan.unknownAction).toBe(false);
    expect(askCan.trainerScope).toEqual({ all: false, unitIds: ["unit-helsinki"], relations: [] });
  });

  it("compute a purge date", () => {
    expect(purge.ordinary).toMatchObject({
      category: "ordinary",
      due: true,
      dueAt: new Date("2026-03-12T08:30:00Z"),
    });
    expect(purge.ordinary.reason).toMatch(/^ordinary recording: kept 365 days/);
    expect(purge.training).toMatchObject({
      category: "training",
      due: false,
      dueAt: new Date("2027-03-12T08:30:00Z"),
    });
    expect(purge.held).toMatchObject({ category: "legal_hold", dueAt: null, due: false });
    expect(purge.held.reason).toMatch(/^Under legal hold: /);
  });

  it("render the notice", () => {
    expect(notice.notice).toMatchObject({
      locale: "en",
      title: "Privacy notice: Kespro customer service call recordings",
    });
    expect(notice.notice.sections[0]).toMatchObject({ id: "controller", heading: "1. Controller" });
    expect(notice.notice.sections[0]?.paragraphs[0]).toBe("Kespro Oy");
    expect(notice.notice.sections[1]?.paragraphs).toContain("E-mail: tietosuoja@kespro.example");
    expect(notice.text.startsWith("Tietosuojaseloste: Kespron asiakaspalvelun puhelutallenteet\n====")).toBe(
      true,
    );
  });
});
