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
import { ensureDemoRecordings, type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const PLAYLIST_TITLE = "Soittolistan asettelu";
const NOTE = "Kuuntele, miten tarve selvitetään.";
const WIDTHS = { desktop: { width: 1440, height: 1000 }, tablet: { width: 820, height: 1180 } } as const;

type Box = { x: number; y: number; width: number; height: number };

describe("the player page uses the width", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let employee: Page;
  let pageErrors: string[] = [];
  let playlistId = "";

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    context = await browser.newContext({ locale: "en-GB", viewport: WIDTHS.desktop });
    const admin = await context.newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "en", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    await admin.close();
    await context.clearCookies();
    const trainer = await context.newPage();
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
    const calls = await trpcCall<{ items: { id: string; unit: { id: string; code?: string } }[] }>(
      trainer,
      "recordings.find",
      {},
      "query",
    );
    const unitId = calls.items[0]?.unit.id ?? "";
    const sameUnit = calls.items.filter((call) => call.unit.id === unitId).slice(0, 3);
    if (sameUnit.length < 2) throw new Error("the demo needs two calls of one unit");
    ({ id: playlistId } = await trpcCall<{ id: string }>(
      trainer,
      "playlists.create",
      { title: PLAYLIST_TITLE, unitId },
      "mutation",
    ));
    await trpcCall(
      trainer,
      "playlists.setItems",
      {
        playlistId,
        items: sameUnit.map((call) => ({
          recordingId: call.id,
          clipStartMs: 0,
          clipEndMs: 4000,
          note: NOTE,
        })),
      },
      "mutation",
    );
    await trpcCall(trainer, "playlists.publish", { playlistId }, "mutation");
    await trpcCall(trainer, "playlists.assign", { playlistId, unitIds: [unitId], userIds: [] }, "mutation");
    await trainer.close();
    await context.clearCookies();
    employee = await context.newPage();
    pageErrors = collectPageErrors(employee);
    await employee.goto(kuulo.baseUrl);
    await signIn(employee, "en", loginOf(kuulo, "mikko.korhonen"));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  const boxOf = async (page: Page, selector: string): Promise<Box> => {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not laid out`);
    return box;
  };

  const open = async (lang: Lang, size: keyof typeof WIDTHS) => {
    await employee.setViewportSize(WIDTHS[size]);
    await employee.goto(`${kuulo.baseUrl}/training/${playlistId}`);
    const { ui } = texts(lang);
    const other = texts(lang === "fi" ? "en" : "fi").ui;
    // The switcher is labelled in the language the page is in now.
    await employee.getByLabel(ui.language).or(employee.getByLabel(other.language)).selectOption(lang);
    await employee.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
    await employee.getByRole("heading", { level: 1, name: PLAYLIST_TITLE }).waitFor();
    await employee.locator('[part~="region"]').first().waitFor();
    await employee.getByText(NOTE).waitFor();
  };

  for (const lang of ["en", "fi"] as const) {
    it(`desktop (${lang}): waveform full width, controls under it, note and item list side by side below`, async () => {
      await open(lang, "desktop");
      const layout = await boxOf(employee, ".player-layout");
      const waveform = await boxOf(employee, ".player .waveform");
      const controls = await boxOf(employee, ".player__controls");
      const note = await boxOf(employee, ".note");
      const items = await boxOf(employee, ".item-nav");
      // The player spans the layout; only the player's own padding is left beside the waveform.
      expect(waveform.width).toBeGreaterThan(layout.width - 80);
      expect(controls.y).toBeGreaterThanOrEqual(waveform.y + waveform.height);
      expect(note.y).toBeGreaterThanOrEqual(controls.y + controls.height);
      expect(Math.abs(note.y - items.y)).toBeLessThan(2);
      expect(items.x).toBeGreaterThan(note.x + note.width);
      await checkA11y(employee, `${lang} player desktop`);
      await screenshot(employee, `${lang}-50-player-desktop`);
    });

    it(`tablet (${lang}): the note and the item list stack under the player`, async () => {
      await open(lang, "tablet");
      const layout = await boxOf(employee, ".player-layout");
      const waveform = await boxOf(employee, ".player .waveform");
      const note = await boxOf(employee, ".note");
      const items = await boxOf(employee, ".item-nav");
      expect(waveform.width).toBeGreaterThan(layout.width - 80);
      expect(note.y).toBeGreaterThan(waveform.y + waveform.height);
      expect(items.y).toBeGreaterThanOrEqual(note.y + note.height);
      const scrolls = await employee.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(scrolls).toBe(false);
      await checkA11y(employee, `${lang} player tablet`);
      await screenshot(employee, `${lang}-51-player-tablet`);
    });
  }

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
