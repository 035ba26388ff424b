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

const PLAYLIST_TITLE = "Keskeneräinen lista";

describe("the playlist editor never loses unsaved items", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let trainer: Page;
  let pageErrors: string[] = [];
  let playlistId = "";

  const heading = (name: string) => trainer.getByRole("heading", { level: 1, name }).waitFor();
  const view = async (lang: Lang, name: string) => {
    await checkA11y(trainer, `${lang} ${name}`);
    await screenshot(trainer, `${lang}-${name}`);
  };
  const addItem = async (lang: Lang, index: number) => {
    const { tr } = texts(lang);
    await trainer.getByRole("button", { name: tr.editor.addRecording }).click();
    const dialog = trainer.getByRole("dialog");
    await dialog.getByTestId("recordings").waitFor();
    await dialog
      .getByRole("button", { name: new RegExp(`^${tr.editor.add}`) })
      .nth(index)
      .click();
    await trainer.getByTestId(`item-${index + 1}`).waitFor();
  };
  const leaveByNavigation = (lang: Lang) =>
    trainer
      .getByRole("navigation", { name: texts(lang).ui.mainNavigation })
      .getByRole("link", { name: texts(lang).tr.nav.playlists, exact: true })
      .click();

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
    const units = await trpcCall<{ items: { unit: { id: string } }[] }>(
      trainer,
      "recordings.find",
      {},
      "query",
    );
    const unitId = units.items[0]?.unit.id;
    if (!unitId) throw new Error("no demo recording for the trainer");
    ({ id: playlistId } = await trpcCall<{ id: string }>(
      trainer,
      "playlists.create",
      { title: PLAYLIST_TITLE, unitId },
      "mutation",
    ));
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
  });

  it("asks before leaving with unsaved items (en); staying keeps them", async () => {
    const { tr, ui } = texts("en");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(PLAYLIST_TITLE);
    await addItem("en", 0);
    await addItem("en", 1);
    await leaveByNavigation("en");
    const question = trainer.getByRole("dialog", { name: ui.unsaved.title });
    await question.waitFor();
    await view("en", "30-leave-unsaved");
    await question.getByRole("button", { name: ui.unsaved.stay }).click();
    await question.waitFor({ state: "hidden" });
    await heading(PLAYLIST_TITLE);
    await trainer
      .getByRole("heading", { level: 2, name: tr.editor.itemsTitle.replace("{{count}}", "2") })
      .waitFor();
    expect(await trainer.getByTestId("item-2").isVisible()).toBe(true);
  });

  it("asks in Finnish too, and the browser asks before the tab closes", async () => {
    const { tr, ui } = texts("fi");
    await trainer.getByLabel(texts("en").ui.language).selectOption("fi");
    await trainer.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
    await leaveByNavigation("fi");
    const question = trainer.getByRole("dialog", { name: ui.unsaved.title });
    await question.waitFor();
    await view("fi", "30-leave-unsaved");
    await question.getByRole("button", { name: ui.unsaved.stay }).click();
    await question.waitFor({ state: "hidden" });
    await trainer.getByTestId("item-2").waitFor();

    const unload = trainer.waitForEvent("dialog");
    await trainer.close({ runBeforeUnload: true });
    const asked = await unload;
    expect(asked.type()).toBe("beforeunload");
    await asked.dismiss();
    expect(trainer.isClosed()).toBe(false);

    // Leaving on purpose discards the changes; the saved playlist still has no items.
    await leaveByNavigation("fi");
    await trainer
      .getByRole("dialog", { name: ui.unsaved.title })
      .getByRole("button", { name: ui.unsaved.leave })
      .click();
    await heading(tr.playlists.title);
  });

  it("does not ask once the items are saved", async () => {
    const { tr, ui } = texts("fi");
    await trainer.goto(`${kuulo.baseUrl}/playlists/${playlistId}`);
    await heading(PLAYLIST_TITLE);
    await addItem("fi", 0);
    await trainer.getByRole("button", { name: tr.editor.save }).click();
    await trainer.getByRole("status").filter({ hasText: tr.saved }).waitFor();
    await leaveByNavigation("fi");
    await heading(tr.playlists.title);
    expect(await trainer.getByRole("dialog", { name: ui.unsaved.title }).count()).toBe(0);
  });

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
