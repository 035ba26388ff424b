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
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts } from "./helpers.js";

/** The portal's lists share the admin's table: named by its caption, with its column headers. */
describe("training list pages", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let trainer: Page;
  let errors: string[] = [];

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    context = await browser.newContext({ locale: "fi-FI", viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "fi", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    await admin.close();
    await context.clearCookies();
    trainer = await context.newPage();
    errors = collectPageErrors(trainer);
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, "fi", loginOf(kuulo, "kouluttaja"));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  const speak = async (lang: Lang) => {
    const { ui } = texts(lang);
    const other = texts(lang === "fi" ? "en" : "fi").ui;
    await trainer.getByLabel(ui.language).or(trainer.getByLabel(other.language)).selectOption(lang);
    await trainer.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
  };

  it.each(["fi", "en"] as const)(
    "%s: recordings and playlists are the same captioned table",
    async (lang) => {
      const { tr } = texts(lang);
      await trainer.goto(`${kuulo.baseUrl}/recordings`);
      await speak(lang);
      const recordings = trainer.getByRole("table", { name: tr.recordings.title });
      await recordings.getByRole("columnheader", { name: tr.recordings.staffMember }).waitFor();
      // The actions column is named for screen readers only.
      expect(await recordings.locator("thead th.table__actions .visually-hidden").count()).toBe(1);
      await checkA11y(trainer, `${lang} recordings list`);
      await screenshot(trainer, `${lang}-list-recordings`);

      await trainer.goto(`${kuulo.baseUrl}/playlists`);
      const playlists = trainer.getByRole("table", { name: tr.playlists.title });
      await playlists.or(trainer.getByText(tr.playlists.emptyTitle)).first().waitFor();
      if (await playlists.isVisible()) {
        expect(await playlists.getByRole("rowheader").count()).toBeGreaterThan(0);
      }
      await checkA11y(trainer, `${lang} playlists list`);
      await screenshot(trainer, `${lang}-list-playlists`);
      expect(errors).toEqual([]);
    },
  );
});
