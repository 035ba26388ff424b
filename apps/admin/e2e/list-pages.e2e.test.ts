import {
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Lang, newContext, openNav, signIn, texts } from "./helpers.js";

/** The admin lists share the one table of @kuulo/ui: named by its caption, with its column headers. */
describe("admin list pages", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    context = await newContext(browser, "fi-FI");
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(`${kuulo.baseUrl}/admin/`);
    await signIn(page, "fi", kuulo.login("administrator"));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  const speak = async (lang: Lang) => {
    const { ui } = texts(lang);
    const other = texts(lang === "fi" ? "en" : "fi").ui;
    await page.getByLabel(ui.language).or(page.getByLabel(other.language)).selectOption(lang);
    await page.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
  };

  it.each(["fi", "en"] as const)("%s: users and units are one captioned table each", async (lang) => {
    const { admin } = texts(lang);
    await speak(lang);
    for (const [name, nav, caption, structure] of [
      // Users: the person's name heads each row. Units: the edit buttons sit under a header said only to screen readers.
      ["users", admin.nav.users, admin.users.title, "tbody th[scope=row] a"],
      ["units", admin.nav.units, admin.units.title, "thead th.table__actions .visually-hidden"],
    ] as const) {
      await openNav(page, lang, nav);
      const table = page.getByRole("table", { name: caption });
      await table.waitFor();
      expect(await table.getByRole("columnheader").count()).toBeGreaterThan(2);
      expect(await table.locator(structure).count()).toBeGreaterThan(0);
      await checkA11y(page, `${lang} ${name} list`);
      await screenshot(page, `${lang}-list-${name}`);
    }
    expect(errors).toEqual([]);
  });
});
