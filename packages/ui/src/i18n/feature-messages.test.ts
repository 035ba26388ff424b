import { setI18n } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createKuuloI18n, switchLanguage } from "./create-i18n.js";
import { featureMessages, withFeatureMessages } from "./feature-messages.js";
import type { Locale } from "./locale.js";

const catalogues = { fi: { appName: "Koulutus" }, en: { appName: "Training" } };
const reportTexts = { fi: { report: { title: "Raportti" } }, en: { report: { title: "Report" } } };

describe("withFeatureMessages", () => {
  it("adds a feature's texts in the active language before the page resolves, and in the other before a switch", async () => {
    const fetched: Locale[] = [];
    let offline = false;
    const report = featureMessages(async (locale) => {
      if (offline) throw new Error("offline");
      fetched.push(locale);
      return reportTexts[locale];
    });
    const i18n = await createKuuloI18n(async (locale) => catalogues[locale], "app");
    const first = i18n.language as Locale;
    const other: Locale = first === "fi" ? "en" : "fi";
    expect(i18n.exists("report.title")).toBe(false);

    const page = await withFeatureMessages(async () => ({ ReportPage: "page" }), report)();
    expect(page).toEqual({ ReportPage: "page" });
    expect(fetched).toEqual([first]);
    expect(i18n.t("report.title")).toBe(reportTexts[first].report.title);
    expect(i18n.t("appName")).toBe(catalogues[first].appName);

    offline = true;
    expect(await switchLanguage(i18n, other)).toBe(false);
    expect(i18n.language).toBe(first);

    offline = false;
    expect(await switchLanguage(i18n, other)).toBe(true);
    expect(fetched).toEqual([first, other]);
    expect(i18n.t("report.title")).toBe(reportTexts[other].report.title);
    expect(i18n.t("appName")).toBe(catalogues[other].appName);

    await withFeatureMessages(async () => ({}), report)();
    expect(await switchLanguage(i18n, first)).toBe(true);
    expect(fetched).toEqual([first, other]);
    expect(i18n.t("report.title")).toBe(reportTexts[first].report.title);
  });

  it("meets the switch when react-i18next holds a clone of the instance (they share the store)", async () => {
    const report = featureMessages(async (locale) => reportTexts[locale]);
    const i18n = await createKuuloI18n(async (locale) => catalogues[locale], "app");
    const other: Locale = i18n.language === "fi" ? "en" : "fi";
    setI18n(i18n.cloneInstance());
    await withFeatureMessages(async () => ({}), report)();
    expect(await switchLanguage(i18n, other)).toBe(true);
    expect(i18n.t("report.title")).toBe(reportTexts[other].report.title);
  });
});
