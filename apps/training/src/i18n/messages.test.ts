import { join } from "node:path";
import { undefinedLiteralKeys } from "@kuulo/ui/catalogue-checks";
import { uiMessages } from "@kuulo/ui/messages";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { allMessagesEn as en, allMessagesFi as fi } from "./all-messages.js";

const keys = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("training messages", () => {
  it("Finnish and English have the same keys", () => {
    expect(keys(fi).sort()).toEqual(keys(en).sort());
  });

  it("defines every literal key the code asks for", () => {
    const src = join(import.meta.dirname, "..");
    expect(undefinedLiteralKeys(src, "training", en, uiMessages.en)).toEqual([]);
  });

  it("every translation uses the same placeholders as the English text", () => {
    const lookup = (messages: object, path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    for (const path of keys(en)) {
      expect(placeholders(String(lookup(fi, path))), path).toEqual(placeholders(String(lookup(en, path))));
    }
  });

  it("no text is left empty", () => {
    for (const path of keys(fi)) expect(path.length).toBeGreaterThan(0);
    const lookup = (path: string) =>
      path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], fi);
    for (const path of keys(fi)) expect(String(lookup(path)).trim(), path).not.toBe("");
  });

  it("counts agree with their number in both languages", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { fi: { training: fi }, en: { training: en } },
      lng: "fi",
      defaultNS: "training",
      interpolation: { escapeValue: false },
    });
    const totals = (assignees: number, completed: number) =>
      i18n.t("progressPage.totals", {
        assignees: i18n.t("progressPage.assignees", { count: assignees }),
        completed: i18n.t("progressPage.completed", { count: completed }),
        started: i18n.t("progressPage.started", { count: 0 }),
        notStarted: i18n.t("progressPage.notStarted", { count: 1 }),
      });
    expect(totals(1, 0)).toBe("1 osoitettu · 0 suorittanutta · 0 kesken · 1 aloittamatta");
    expect(totals(2, 1)).toBe("2 osoitettua · 1 suorittanut · 0 kesken · 1 aloittamatta");
    await i18n.changeLanguage("en");
    expect(totals(1, 0)).toBe("1 assignee · 0 completed · 0 in progress · 1 not started");
  });
});
