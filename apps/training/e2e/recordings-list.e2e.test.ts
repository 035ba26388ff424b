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
import { ensureDemoRecordings, loginOf, signIn, texts } from "./helpers.js";

describe("the recordings list keeps its order and filters in the address", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let trainer: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const admin = await context.newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, "en", kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    await admin.close();
    await context.clearCookies();
    trainer = await context.newPage();
    pageErrors = collectPageErrors(trainer);
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  /** The switcher is labelled in the language the page is in now. */
  const speak = async (lang: "en" | "fi") => {
    const { ui } = texts(lang);
    await trainer
      .getByLabel(ui.language)
      .or(trainer.getByLabel(texts(lang === "fi" ? "en" : "fi").ui.language))
      .selectOption(lang);
    await trainer.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
  };

  /** The duration column as seconds, in the order shown. */
  const durations = async () => {
    const cells = await trainer
      .getByTestId("recordings")
      .locator("tbody td.recording-duration")
      .allTextContents();
    return cells
      .filter((text) => /\d:\d\d/.test(text))
      .map((text) => {
        const [minutes, seconds] = text.trim().split(":").map(Number);
        return (minutes ?? 0) * 60 + (seconds ?? 0);
      });
  };

  for (const lang of ["en", "fi"] as const) {
    it(`sorts longest and shortest first and keeps the choice and a filter over a reload (${lang})`, async () => {
      const { tr } = texts(lang);
      await trainer.goto(`${kuulo.baseUrl}/recordings`);
      await speak(lang);
      await trainer.getByRole("heading", { level: 1, name: tr.recordings.title }).waitFor();
      await trainer.getByTestId("recordings").waitFor();

      await trainer.getByLabel(tr.recordingList.sort).selectOption("longest");
      await expect.poll(() => new URL(trainer.url()).searchParams.get("sort")).toBe("longest");
      await expect
        .poll(async () => {
          const shown = await durations();
          return (
            shown.length > 1 && shown.every((value, index) => index === 0 || value <= (shown[index - 1] ?? 0))
          );
        })
        .toBe(true);
      const longest = await durations();

      await trainer.getByLabel(tr.recordings.minSeconds).fill("20");
      await trainer.getByRole("button", { name: tr.filters.apply }).click();
      await expect.poll(() => new URL(trainer.url()).searchParams.get("min")).toBe("20");
      await expect.poll(async () => (await durations()).every((value) => value >= 20)).toBe(true);

      await trainer.reload();
      await trainer.getByTestId("recordings").or(trainer.getByText(tr.recordings.emptyTitle)).waitFor();
      expect(await trainer.getByLabel(tr.recordingList.sort).inputValue()).toBe("longest");
      expect(await trainer.getByLabel(tr.recordings.minSeconds).inputValue()).toBe("20");
      await checkA11y(trainer, `${lang} recordings sorted`);
      await screenshot(trainer, `${lang}-60-recordings-longest`);

      await trainer.getByLabel(tr.recordingList.sort).selectOption("shortest");
      await trainer.getByRole("button", { name: tr.filters.clear }).click();
      await expect.poll(() => new URL(trainer.url()).search).toBe("?sort=shortest");
      await expect.poll(async () => (await durations()).join(",")).toBe([...longest].reverse().join(","));
      // Back returns to the previous address, and the form follows it.
      await trainer.goBack();
      await expect.poll(() => trainer.getByLabel(tr.recordings.minSeconds).inputValue()).toBe("20");
    });
  }

  for (const lang of ["en", "fi"] as const) {
    it(`selects several calls and adds them to a new playlist in one step, then to it again (${lang})`, async () => {
      const { tr } = texts(lang);
      const title = lang === "fi" ? "Valitut puhelut" : "Chosen calls";
      await trainer.goto(`${kuulo.baseUrl}/recordings`);
      await speak(lang);
      await trainer.getByTestId("recordings").waitFor();
      const boxes = trainer.getByTestId("recordings").getByRole("checkbox");
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      const bar = trainer.getByRole("region", {
        name: tr.recordingList.selected_other.replace("{{count}}", "2"),
      });
      await bar.getByRole("button", { name: tr.recordingList.addSelected }).click();
      const dialog = trainer.getByRole("dialog");
      await dialog.waitFor();
      // The choice of where appears once the trainer's playlists are known (none yet in the en run).
      const toNew = dialog.getByRole("radio", { name: tr.recordingList.toNew });
      await toNew.or(dialog.getByLabel(tr.playlists.fieldTitle)).first().waitFor();
      if ((await toNew.count()) > 0) await toNew.check();
      await dialog.getByLabel(tr.playlists.fieldTitle).fill(title);
      await checkA11y(trainer, `${lang} add to playlist`);
      await screenshot(trainer, `${lang}-61-add-selected`);
      await dialog
        .getByRole("button", { name: tr.recordingList.add_other.replace("{{count}}", "2") })
        .click();
      await dialog
        .getByRole("status")
        .getByText(tr.recordingList.added_other.replace("{{count}}", "2").replace("{{title}}", title))
        .waitFor();
      await screenshot(trainer, `${lang}-62-added-selected`);
      await dialog.getByRole("link", { name: tr.recordingList.openPlaylist }).click();
      await trainer.getByRole("heading", { level: 1, name: title }).waitFor();
      await trainer.getByTestId("item-2").waitFor();
      expect(await trainer.getByTestId("item-3").count()).toBe(0);

      // The same calls and one more into that playlist, picked by its title: only the new one is added.
      await trainer.goto(`${kuulo.baseUrl}/recordings`);
      await trainer.getByTestId("recordings").waitFor();
      for (const index of [0, 1, 2]) await boxes.nth(index).check();
      await trainer.getByRole("button", { name: tr.recordingList.addSelected }).click();
      await dialog.getByRole("radio", { name: tr.recordingList.toExisting }).check();
      await dialog.getByLabel(tr.recordingList.playlist, { exact: true }).selectOption({ label: title });
      await dialog
        .getByRole("button", { name: tr.recordingList.add_other.replace("{{count}}", "3") })
        .click();
      await dialog
        .getByRole("status")
        .getByText(tr.recordingList.added_one.replace("{{count}}", "1").replace("{{title}}", title))
        .waitFor();
      await dialog.getByRole("button", { name: tr.close }).click();
      expect(await trainer.getByRole("button", { name: tr.recordingList.addSelected }).count()).toBe(0);
    });
  }

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
