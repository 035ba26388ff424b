import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_AREAS, AUDIT_ACTIONS, type AuditRefs } from "./audit-actions.js";
import { type AuditLocale, auditSentence, auditTexts } from "./audit-sentence.js";

const LOCALES: AuditLocale[] = ["fi", "en"];
const PLACEHOLDERS = new Set([
  "actor",
  "target",
  "role",
  "unitIn",
  "playlist",
  "recording",
  "count",
  "switched",
  "days",
]);
const format = { dateTime: (iso: string) => `<${iso}>`, number: (n: number) => String(n) };
const noRefs: AuditRefs = { actor: null, target: null, unit: null, playlist: null, recording: null };
const liisa = { kind: "person", name: "Liisa Laine", username: "liisa.laine" } as const;
const mikko = { kind: "person", name: "Mikko Korhonen", username: "mikko.korhonen" } as const;
const helsinki = { kind: "unit", name: "Helsinki, customer service", code: "HKI-ASPA" } as const;

describe("audit texts", () => {
  it.each(LOCALES)(
    "%s has a label and a sentence for every action, with known placeholders only",
    (locale) => {
      const texts = auditTexts(locale);
      for (const action of AUDIT_ACTIONS) {
        const text = texts.actions[action];
        expect(text?.label.trim(), `${locale} ${action} label`).toBeTruthy();
        expect(text?.sentence.trim(), `${locale} ${action} sentence`).toBeTruthy();
        for (const template of [text.sentence, text.notDone ?? ""]) {
          for (const [, key] of template.matchAll(/\{\{(\w+)\}\}/g))
            expect(PLACEHOLDERS.has(key ?? ""), `${locale} ${action}: {{${key}}}`).toBe(true);
          expect(template, `${locale} ${action}: no rule codes in running text`).not.toMatch(/\bR\d+\b/);
        }
      }
      for (const area of AUDIT_ACTION_AREAS) expect(texts.areas[area], `${locale} area ${area}`).toBeTruthy();
      expect(Object.keys(texts.actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
    },
  );

  it("reads a role grant as a sentence with names in both languages", () => {
    const event = {
      action: "grant.create",
      outcome: "success",
      actorType: "user",
      actorLabel: "liisa.laine",
      targetType: "user",
      details: { role: "trainer", unitId: "u1" },
      refs: { ...noRefs, actor: liisa, target: mikko, unit: helsinki },
    };
    expect(auditSentence(auditTexts("en"), event, format)).toBe(
      "Liisa Laine gave Mikko Korhonen the trainer role in Helsinki, customer service (HKI-ASPA)",
    );
    expect(auditSentence(auditTexts("fi"), event, format)).toBe(
      "Liisa Laine antoi käyttäjälle Mikko Korhonen kouluttajan roolin yksikössä Helsinki, customer service (HKI-ASPA)",
    );
    expect(
      auditSentence(auditTexts("en"), { ...event, details: { role: "trainer", unitId: null } }, format),
    ).toBe("Liisa Laine gave Mikko Korhonen the trainer role in all units");
  });

  it("names a recording by staff member and call time, and a removed one as removed", () => {
    const listen = {
      action: "recording.listen",
      outcome: "success",
      actorType: "user",
      actorLabel: "liisa.laine",
      targetType: "recording",
      details: {},
      refs: {
        ...noRefs,
        actor: liisa,
        target: { kind: "recording", staffName: "Mikko Korhonen", callStartedAt: "2026-11-29T08:35:00.000Z" },
      } satisfies AuditRefs,
    };
    expect(auditSentence(auditTexts("en"), listen, format)).toBe(
      "Liisa Laine listened to Mikko Korhonen’s call of <2026-11-29T08:35:00.000Z>",
    );
    const purged = {
      ...listen,
      action: "recording.purge",
      actorType: "system",
      refs: { ...noRefs, target: { kind: "removed" } },
    } as const;
    expect(auditSentence(auditTexts("en"), purged, format)).toBe(
      "Kuulo (automatic) removed a recording whose retention period had ended (a recording since removed)",
    );
  });

  it("says whether quality review was turned on or off, and for how long its data is kept", () => {
    const change = (enabled: boolean) => ({
      action: "quality.settings_update",
      outcome: "success",
      actorType: "user",
      actorLabel: "liisa.laine",
      targetType: "register",
      details: { enabled, retentionDays: 730, wasEnabled: !enabled, previousRetentionDays: 730 },
      refs: { ...noRefs, actor: liisa },
    });
    expect(auditSentence(auditTexts("en"), change(true), format)).toBe(
      "Liisa Laine turned on quality review (feedback and evaluations kept 730 days)",
    );
    expect(auditSentence(auditTexts("fi"), change(false), format)).toBe(
      "Liisa Laine poisti käytöstä laadunarvioinnin (palaute ja arvioinnit säilytetään 730 päivää)",
    );
  });

  it("says when an action was refused and who tried, without a code", () => {
    const failed = {
      action: "auth.sign_in",
      outcome: "failure",
      actorType: "anonymous",
      actorLabel: "liisa",
      targetType: null,
      details: { reason: "bad_password" },
      refs: noRefs,
    };
    expect(auditSentence(auditTexts("en"), failed, format)).toBe(
      "Someone signing in as “liisa” could not sign in",
    );
    const refusedUnlock = {
      ...failed,
      action: "user.unlock",
      targetType: "user",
      refs: { ...noRefs, target: mikko },
    };
    expect(auditSentence(auditTexts("fi"), refusedUnlock, format)).toBe(
      "Tunnuksella ”liisa” kirjautuva avasi käyttäjän Mikko Korhonen lukituksen (ei toteutunut)",
    );
    expect(auditSentence(auditTexts("en"), { ...failed, action: "old.thing" }, format)).toContain(
      "old.thing",
    );
  });
});
