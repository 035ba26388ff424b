import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkA11y, collectPageErrors, screenshot, useKuuloAndChromium } from "@kuulo/e2e";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Lang, newContext, signIn, texts } from "./helpers.js";

const run = useKuuloAndChromium();

/** Prints as Chromium would: the print stylesheet applied, a screenshot to look at and the PDF itself. */
async function printed(page: Page, name: string) {
  await page.emulateMedia({ media: "print" });
  await screenshot(page, name);
  const dir = join(process.cwd(), "e2e", "screenshots");
  await mkdir(dir, { recursive: true });
  const pdf = await page.pdf({ format: "A4" });
  await writeFile(join(dir, `${name}.pdf`), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
}

const hidden = async (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) => elements.every((element) => !(element as HTMLElement).checkVisibility()));

describe("printing the register's documents", () => {
  it.each<Lang>(["fi", "en"])("the public privacy notice prints without page chrome (%s)", async (lang) => {
    const visitor = await newContext(run.browser, lang === "fi" ? "fi-FI" : "en-GB");
    const page = await visitor.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${run.kuulo.baseUrl}/admin/privacy`);
    await page.locator("article.notice h1").waitFor();
    await printed(page, `${lang}-40-privacy-notice-print`);
    expect(await page.locator("article.notice h1").isVisible()).toBe(true);
    expect(await hidden(page, ".auth-page__header, select, button")).toBe(true);
    const width = await page
      .locator("article.notice")
      .evaluate((element) => element.getBoundingClientRect().width);
    const fontSize = await page
      .locator("article.notice p")
      .first()
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    // Readable line length: at most about 75 characters of the body text.
    expect(width / fontSize).toBeLessThanOrEqual(75 * 0.65);
    expect(errors).toEqual([]);
    await visitor.close();
  });

  it.each<Lang>(["fi", "en"])(
    "the Art. 30 record prints alone, without the rest of the page (%s)",
    async (lang) => {
      const { ui, admin } = texts(lang);
      const officer = await newContext(run.browser, lang === "fi" ? "fi-FI" : "en-GB");
      const page = await officer.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${run.kuulo.baseUrl}/admin/retention`);
      await signIn(page, lang, run.kuulo.login("privacy_officer"));
      await page.getByRole("heading", { level: 1, name: admin.retention.title }).waitFor();
      await page.getByRole("button", { name: admin.retention.recordShow }).click();
      const record = page.getByTestId("record-of-processing");
      await record.waitFor();
      await page.getByRole("button", { name: admin.printing.printRecord }).waitFor();
      await checkA11y(page, `${lang} retention with record`);
      await printed(page, `${lang}-41-record-of-processing-print`);
      expect(await record.isVisible()).toBe(true);
      expect(await page.getByRole("heading", { level: 2, name: admin.retention.record }).isVisible()).toBe(
        true,
      );
      expect(await page.getByRole("heading", { level: 1, name: admin.retention.title }).isVisible()).toBe(
        false,
      );
      expect(await hidden(page, `nav[aria-label="${ui.mainNavigation}"], header, button`)).toBe(true);
      // Long lines wrap instead of running off the paper.
      const overflow = await record.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.emulateMedia({ media: "screen" });
      expect(errors).toEqual([]);
      await officer.close();
    },
  );
});
