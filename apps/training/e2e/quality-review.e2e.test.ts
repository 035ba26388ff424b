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

/**
 * The quality loop in Chromium: the administrator turns quality review on (off by default), the trainer
 * evaluates a demo call of Mikko's with two moments marked on the waveform, Mikko sees the moments and
 * the evaluation on his call, replies to a moment and disputes the score; the unit report draws a chart.
 */
describe.each(["en", "fi"] as const)("quality review (%s)", (lang: Lang) => {
  const { tr } = texts(lang);
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let trainer: Page;
  let mikko: Page;
  let recordingId = "";

  const newPage = async () => {
    const context = await browser.newContext({
      locale: lang === "fi" ? "fi-FI" : "en-GB",
      viewport: { width: 1280, height: 1000 },
    });
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(collectPageErrors(page));
    return page;
  };
  const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name }).waitFor();
  const view = async (page: Page, name: string) => {
    await checkA11y(page, `${lang} ${name}`);
    await screenshot(page, `${lang}-quality-${name}`);
  };

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    const admin = await newPage();
    await admin.goto(kuulo.baseUrl);
    await signIn(admin, lang, kuulo.login("administrator"));
    await ensureDemoRecordings(kuulo, admin);
    const off = await trpcCall<{ enabled: boolean }>(admin, "qualitySettings.get", undefined, "query");
    expect(off.enabled).toBe(false);
    await trpcCall(admin, "qualitySettings.update", { enabled: true, retentionDays: 730 }, "mutation");
    [trainer, mikko] = await Promise.all([newPage(), newPage()]);
    await mikko.goto(kuulo.baseUrl);
    await signIn(mikko, lang, loginOf(kuulo, "mikko.korhonen"));
    const calls = await trpcCall<{ items: { id: string }[] }>(mikko, "training.myCalls", {}, "query");
    // The demo seed evaluated Mikko's first calls; the newest one is left for this test.
    recordingId = calls.items[0]?.id ?? "";
    expect(recordingId).toMatch(/^[0-9a-f-]{36}$/);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await kuulo?.stop();
    expect(pageErrors.flat()).toEqual([]);
  });

  it("the trainer evaluates the call with two moments marked on the waveform", async () => {
    await trainer.goto(kuulo.baseUrl);
    await signIn(trainer, lang, loginOf(kuulo, "kouluttaja"));
    await trainer.getByRole("link", { name: tr.quality.title, exact: true }).click();
    await heading(trainer, tr.quality.title);
    await trainer.getByRole("heading", { name: tr.quality.unitReport }).waitFor();
    await trainer.getByRole("img", { name: tr.quality.trendChart }).waitFor();
    await view(trainer, "desk");

    await trainer.goto(`${kuulo.baseUrl}/quality/evaluate/${recordingId}`);
    const slider = trainer.getByRole("slider");
    await slider.waitFor();
    await trainer.locator('[part~="region"]').first().waitFor();
    for (const [kind, text] of [
      ["praise", lang === "fi" ? "Lämmin tervehdys" : "A warm greeting"],
      ["improve", lang === "fi" ? "Kysy tarve ensin" : "Ask for the need first"],
    ] as const) {
      await trainer.getByLabel(tr.quality.kind).selectOption(kind);
      await trainer.getByLabel(tr.quality.feedback, { exact: true }).fill(text);
      await trainer.getByRole("button", { name: tr.quality.addMoment }).click();
      await trainer.getByRole("list", { name: tr.quality.moments }).getByText(text).waitFor();
    }
    const form = trainer.getByRole("form", { name: tr.quality.evaluationForm });
    // The best answer everywhere: "yes" (listed first) or 5 on a scale.
    for (const group of await form.locator("fieldset.criterion").all()) {
      const radios = group.getByRole("radio");
      await ((await radios.count()) >= 5 ? radios.nth(4) : radios.first()).check();
    }
    await view(trainer, "evaluate");
    await form.getByRole("button", { name: tr.quality.submitEvaluation }).click();
    await trainer.getByRole("status").filter({ hasText: "100" }).waitFor();
  });

  it("Mikko sees the moments and the evaluation, replies to a moment and disputes the score", async () => {
    await mikko.goto(`${kuulo.baseUrl}/my-calls/${recordingId}`);
    await mikko.getByRole("heading", { name: tr.quality.onCall }).waitFor();
    const moments = mikko.getByRole("heading", { name: tr.quality.moments });
    await moments.waitFor();
    const reply = lang === "fi" ? "Asiakas kiirehti" : "The customer was in a hurry";
    const box = mikko.getByRole("textbox", { name: /.+/ }).first();
    await box.fill(reply);
    await mikko.getByRole("button", { name: tr.quality.reply }).first().click();
    await mikko.getByText(reply).waitFor();
    await mikko.getByRole("button", { name: tr.quality.acknowledge, exact: true }).first().click();
    await mikko
      .getByLabel(tr.quality.disputeReason)
      .last()
      .fill(lang === "fi" ? "Tarve selvitettiin" : "The need was clarified");
    await mikko.getByRole("button", { name: tr.quality.dispute, exact: true }).last().click();
    await mikko.getByText(tr.quality.disputeStatus.open).first().waitFor();
    await view(mikko, "my-call");
    // My calls lists every evaluation of his calls with his trend.
    await mikko.goto(`${kuulo.baseUrl}/my-calls`);
    await mikko.getByRole("heading", { name: tr.quality.myQuality }).waitFor();
    await mikko
      .getByRole("link", { name: /\/ 100/ })
      .first()
      .waitFor();
    await view(mikko, "my-calls");
  });
});
