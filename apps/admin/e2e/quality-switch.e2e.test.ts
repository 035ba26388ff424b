import { QUALITY_DATA_CATEGORY } from "@kuulo/domain/quality";
import { checkA11y, collectPageErrors, screenshot, useKuuloAndChromium } from "@kuulo/e2e";
import { describe, expect, it } from "vitest";
import { adminLogin, type Lang, newContext, openNav, signIn, texts } from "./helpers.js";

const run = useKuuloAndChromium();

/**
 * Quality review is off by default: the dashboard says so and where; the administrator reads the
 * cooperation-procedure text beside the switch, turns it on, and the public notice declares the new
 * data category. Run in Finnish, then English (turning it off again in between).
 */
describe("quality review switch", () => {
  it.each<Lang>(["fi", "en"])(
    "turns on in %s and the public privacy notice shows the data category",
    async (lang) => {
      const { admin } = texts(lang);
      const context = await newContext(run.browser, lang === "fi" ? "fi-FI" : "en-GB");
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${run.kuulo.baseUrl}/admin/`);
      await signIn(page, lang, adminLogin(run.kuulo.demoLogins));
      await page.getByText(admin.dashboard.qualityOff).waitFor();
      await page.getByRole("link", { name: admin.dashboard.qualityOffLink }).click();
      await page.getByRole("heading", { level: 1, name: admin.quality.title }).waitFor();
      await page.getByRole("heading", { name: admin.quality.cooperationHeading }).waitFor();
      await page.getByText(admin.quality.isOff).waitFor();
      await checkA11y(page, `${lang} quality switch off`);
      await screenshot(page, `${lang}-quality-switch-off`);

      await page.goto(`${run.kuulo.baseUrl}/admin/privacy`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      expect(await page.locator("article").textContent()).not.toContain(QUALITY_DATA_CATEGORY[lang]);

      await page.goto(`${run.kuulo.baseUrl}/admin/`);
      await openNav(page, lang, admin.nav.quality);
      await page.getByRole("button", { name: admin.quality.turnOn }).click();
      await page.getByText(admin.quality.isOn).waitFor();
      await page.getByRole("heading", { name: admin.quality.forms }).waitFor();
      await page.getByRole("cell", { name: /versi/ }).first().waitFor();
      await checkA11y(page, `${lang} quality switch on`);
      await screenshot(page, `${lang}-quality-switch-on`);

      await page.goto(`${run.kuulo.baseUrl}/admin/privacy`);
      await page.getByText(QUALITY_DATA_CATEGORY[lang]).waitFor();
      await screenshot(page, `${lang}-quality-privacy-notice`);

      await page.goto(`${run.kuulo.baseUrl}/admin/quality`);
      await page.getByRole("button", { name: admin.quality.turnOff }).click();
      await page.getByText(admin.quality.isOff).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
