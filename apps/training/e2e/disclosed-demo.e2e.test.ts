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
import { type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

const DAY = 86_400_000;

/** The demo's external trainer sees a live disclosure at once, and is told when a later one opens. */
describe("the demo external trainer's disclosed material", () => {
  let kuulo: RunningKuulo;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  const newPage = async (locale: string) => {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    contexts.push(context);
    const page = await context.newPage();
    errors.push(collectPageErrors(page));
    return page;
  };

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await kuulo?.stop();
  });

  const openAs = async (lang: Lang): Promise<Page> => {
    const page = await newPage("en-GB");
    await page.goto(kuulo.baseUrl);
    if (lang === "fi") await page.getByLabel(texts("en").ui.language).selectOption("fi");
    await signIn(page, lang, loginOf(kuulo, "ulkoinen.kouluttaja"));
    await page.getByRole("heading", { level: 1, name: texts(lang).tr.disclosed.title }).waitFor();
    return page;
  };

  it.each<Lang>(["en", "fi"])("lists the demo disclosure's calls with a player (%s)", async (lang) => {
    const { tr } = texts(lang);
    const page = await openAs(lang);
    const listen = page.getByRole("button", { name: tr.disclosed.listen });
    await listen.first().waitFor();
    expect(await listen.count()).toBe(3);
    await listen.first().click();
    await expect.poll(() => page.getByTestId("play-pause").isEnabled()).toBe(true);
    await page.waitForLoadState("networkidle");
    await checkA11y(page, `${lang} demo disclosed`);
    await screenshot(page, `${lang}-disclosed-demo`);
  });

  it.each<Lang>(["en", "fi"])("says when a disclosure that has not opened yet opens (%s)", async (lang) => {
    const { tr } = texts(lang);
    if (lang === "en") {
      // The privacy officer discloses one more call to the same trainer, from next week (R6a).
      const officer = await newPage("en-GB");
      await officer.goto(`${kuulo.baseUrl}/admin/`);
      await signIn(officer, "en", kuulo.login("privacy_officer"));
      const trainers = await trpcCall<{ id: string; username: string }[]>(
        officer,
        "disclosures.findExternalTrainers",
        { query: "Eero" },
        "query",
      );
      const external = trainers.find((trainer) => trainer.username === "ulkoinen.kouluttaja");
      const calls = await trpcCall<{ items: { id: string }[] }>(officer, "recordings.find", {}, "query");
      const opensAt = Date.now() + 7 * DAY;
      await trpcCall(
        officer,
        "disclosures.createTraining",
        {
          externalUserId: external?.id,
          recipientName: "Eero Ekstra",
          recipientOrganisation: "Koulutuspalvelu Oy",
          recipientCountry: "FI",
          recipientEmail: "eero.ekstra@koulutuspalvelu.example",
          ndaReference: "NDA-LATER-1",
          ndaSignedOn: new Date().toISOString().slice(0, 10),
          purpose: "Customer service training, second part",
          validFrom: new Date(opensAt).toISOString(),
          validUntil: new Date(opensAt + 14 * DAY).toISOString(),
          audienceAttestation: true,
          recordingIds: [calls.items.at(-1)?.id],
        },
        "mutation",
      );
    }
    const page = await openAs(lang);
    const notice = page.getByTestId("disclosure-opens");
    await notice.waitFor();
    const prefix = (tr.disclosed.opensOn.split("{{")[0] ?? "").trim();
    expect(await notice.textContent()).toContain(prefix);
    // The live demo disclosure is still listed beside it: three calls, not four.
    expect(await page.getByRole("button", { name: tr.disclosed.listen }).count()).toBe(3);
    await page.waitForLoadState("networkidle");
    await checkA11y(page, `${lang} disclosure opens later`);
    await screenshot(page, `${lang}-disclosed-opens-later`);
  });

  it("raised no CSP refusal or uncaught error", () => {
    expect(errors.flat()).toEqual([]);
  });
});
