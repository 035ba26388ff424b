import { checkA11y, collectPageErrors, screenshot, useKuuloAndChromium } from "@kuulo/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { texts } from "./helpers.js";

/**
 * The catalogue chunks, named after their modules: the app's (src/i18n/fi.ts, en.ts) and the shared
 * `ui` texts and reason texts of packages/ui (ui-messages.fi.ts, reason-texts.fi.ts, …).
 */
const catalogueOf = (url: string) =>
  /\/assets\/((?:ui-messages\.|reason-texts\.)?(?:fi|en))-[\w-]+\.js$/.exec(new URL(url).pathname)?.[1];
const inLanguage = (language: "fi" | "en") => [
  language,
  `reason-texts.${language}`,
  `ui-messages.${language}`,
];

describe("the portal's languages", () => {
  const run = useKuuloAndChromium();

  const appName = (page: Page) => page.locator(".brand__app").textContent();

  it("loads only the language it shows, and switching keeps what was typed", async () => {
    const context = await run.browser.newContext({ locale: "fi-FI" });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const catalogues: string[] = [];
    page.on("request", (request) => {
      const language = catalogueOf(request.url());
      if (language) catalogues.push(language);
    });
    const fi = texts("fi");
    const en = texts("en");

    await page.goto(run.kuulo.baseUrl);
    // The first paint is already translated: the shell waits for its catalogue.
    expect(await appName(page)).toBe(fi.tr.appName);
    await page.getByLabel(fi.ui.signIn.username).fill("kirjoitettu.nimi");
    expect(catalogues.sort()).toEqual(inLanguage("fi"));

    await page.getByLabel(fi.ui.language).selectOption("en");
    await expect.poll(() => appName(page)).toBe(en.tr.appName);
    expect(await page.getByLabel(en.ui.signIn.username).inputValue()).toBe("kirjoitettu.nimi");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(catalogues.sort()).toEqual([...inLanguage("en"), ...inLanguage("fi")].sort());
    await checkA11y(page, "en sign-in after switching language");
    await screenshot(page, "en-sign-in-switched-language");

    catalogues.length = 0;
    await page.reload();
    await page.getByLabel(en.ui.signIn.username).waitFor();
    expect(await appName(page)).toBe(en.tr.appName);
    expect(catalogues.sort()).toEqual(inLanguage("en"));
    expect(errors).toEqual([]);
    await context.close();
  });
});
