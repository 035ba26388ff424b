import { checkA11y, collectPageErrors, screenshot, useKuuloAndChromium } from "@kuulo/e2e";
import { describe, expect, it } from "vitest";
import { type Lang, newContext, texts } from "./helpers.js";

interface Notice {
  locale: string;
  title: string;
  sections: { heading: string }[];
}

const run = useKuuloAndChromium();

async function noticeFromApi(locale: Lang): Promise<Notice> {
  const input = encodeURIComponent(JSON.stringify({ locale }));
  const response = await fetch(`${run.kuulo.baseUrl}/trpc/register.privacyNotice?input=${input}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: Notice } }).result.data;
}

// R1: the public notice, no sign-in, in both languages, exactly as the register definition renders it.
describe("public privacy notice", () => {
  it.each<Lang>(["fi", "en"])("opens without sign-in in %s, from the browser's language", async (lang) => {
    const visitor = await newContext(run.browser, lang === "fi" ? "fi-FI" : "en-GB");
    const page = await visitor.newPage();
    const errors = collectPageErrors(page);
    const expected = await noticeFromApi(lang);
    await page.goto(`${run.kuulo.baseUrl}/admin/privacy`);
    await page.getByRole("heading", { level: 1, name: expected.title }).waitFor();
    expect(await page.locator("article").getAttribute("lang")).toBe(lang);
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(expected.sections.map((section) => section.heading));
    // Nothing of the signed-in app: no navigation, no sign-in form.
    expect(await page.getByRole("navigation", { name: texts(lang).ui.mainNavigation }).count()).toBe(0);
    await checkA11y(page, `privacy notice ${lang}`);
    await screenshot(page, `${lang}-privacy-notice-public`);
    expect(errors).toEqual([]);
    await visitor.close();
  });

  it("switches language on the page and keeps the choice", async () => {
    const [fi, en] = await Promise.all([noticeFromApi("fi"), noticeFromApi("en")]);
    expect(fi.title).not.toBe(en.title);
    const visitor = await newContext(run.browser, "fi-FI");
    const page = await visitor.newPage();
    await page.goto(`${run.kuulo.baseUrl}/admin/privacy`);
    await page.getByRole("heading", { level: 1, name: fi.title }).waitFor();
    await page.getByLabel(texts("fi").ui.language).selectOption("en");
    await page.getByRole("heading", { level: 1, name: en.title }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: en.title }).waitFor();
    await screenshot(page, "en-privacy-notice-switched");
    await visitor.close();
  });
});
