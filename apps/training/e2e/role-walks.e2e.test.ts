import { readFile } from "node:fs/promises";
import {
  checkA11y,
  collectPageErrors,
  escapeRegExp,
  expectNamesOnly,
  launchChromium,
  type RunningKuulo,
  screenshot,
  sentencePattern as sentence,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Lang, loginOf, signIn, texts, trpcCall } from "./helpers.js";

/**
 * Issue 11: each role of the training portal walks its main tasks by what a person sees (names, labels,
 * headings), in English and in Finnish chosen from the app's own language menu. Every main screen is
 * checked with axe, read for ids and rule codes, and saved as `training-<role>-<screen>-<lang>.png`.
 */
const DAY = 86_400_000;
const ASSIGNED = "Hyvän puhelun avaus";
const MIKKO = "Mikko Korhonen";
/** Two fresh calls of Jussi's, so this month's sample has something to evaluate whatever the day. */
const FRESH_CALLS = 2;
const JUSSI = "Jussi Mäkelä";

const pad = (value: number) => String(value).padStart(2, "0");
/** A day as a person of that language types it (6.12.2026 / 06/12/2026). */
const typedDay = (lang: Lang, date: Date) =>
  lang === "fi"
    ? `${date.getDate()}.${date.getMonth() + 1}.${date.getFullYear()}`
    : `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;

let kuulo: RunningKuulo;
let browser: Browser;

/**
 * What the demo lacks for these walks, set up by the people who would do it: the administrator turns
 * quality review on with a sampling rule and the recording system delivers two fresh calls; the trainer
 * publishes a playlist for the unit.
 */
beforeAll(async () => {
  [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  const context = await browser.newContext({ locale: "en-GB" });
  const admin = await context.newPage();
  await admin.goto(kuulo.baseUrl);
  await signIn(admin, "en", kuulo.login("administrator"));
  await trpcCall(admin, "qualitySettings.update", { enabled: true, retentionDays: 730 }, "mutation");
  const units = await trpcCall<{ id: string; code: string }[]>(admin, "units.find", {}, "query");
  const unitId = units.find((unit) => unit.code === "HKI-ASPA")?.id;
  await trpcCall(admin, "quality.sampling.setRule", { unitId, perEmployeePerMonth: 50 }, "mutation");
  const { token } = await trpcCall<{ token: string }>(
    admin,
    "apiTokens.create",
    { name: "Role walks recorder" },
    "mutation",
  );
  const demo = new URL("../../api/demo-data/", import.meta.url);
  const audio = await readFile(new URL("call-005.opus", demo));
  for (let index = 0; index < FRESH_CALLS; index++) {
    const form = new FormData();
    form.append(
      "metadata",
      JSON.stringify({
        sourceRecordingId: `role-walk-${index}`,
        firstName: "Jussi",
        lastName: "Mäkelä",
        username: "jussi.makela",
        phoneNumber: "+358401234503",
        callStartedAt: new Date(Date.now() - (index + 1) * 10 * 60_000).toISOString(),
        unitCode: "HKI-ASPA",
      }),
    );
    form.append("audio", new Blob([audio]), "call-005.opus");
    const response = await fetch(`${kuulo.baseUrl}/ingest/v1/recordings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect([200, 201]).toContain(response.status);
  }

  // Its own browser context: a context shares one session cookie.
  const trainerContext = await browser.newContext({ locale: "en-GB" });
  const trainer = await trainerContext.newPage();
  await trainer.goto(kuulo.baseUrl);
  await signIn(trainer, "en", loginOf(kuulo, "kouluttaja"));
  const calls = await trpcCall<{ items: { id: string; unit: { id: string } }[] }>(
    trainer,
    "recordings.find",
    {},
    "query",
  );
  const call = calls.items.find((item) => item.unit.id === unitId);
  const { id: playlistId } = await trpcCall<{ id: string }>(
    trainer,
    "playlists.create",
    { title: ASSIGNED, unitId },
    "mutation",
  );
  await trpcCall(
    trainer,
    "playlists.setItems",
    { playlistId, items: [{ recordingId: call?.id, clipStartMs: 0, clipEndMs: 4000, note: "Tervehdys" }] },
    "mutation",
  );
  await trpcCall(trainer, "playlists.publish", { playlistId }, "mutation");
  await trpcCall(trainer, "playlists.assign", { playlistId, unitIds: [unitId] }, "mutation");
  // The delivered calls are in the sample once processed (the hook's timeout bounds a hang).
  for (;;) {
    const queue = await trpcCall<{ items: { staffMember: { name: string } }[] }>(
      trainer,
      "quality.sampling.queue",
      { limit: 50 },
      "query",
    );
    if (queue.items.filter((item) => item.staffMember.name === JUSSI).length >= FRESH_CALLS) break;
    await trainer.waitForTimeout(250);
  }
  await context.close();
  await trainerContext.close();
});

afterAll(async () => {
  await browser?.close();
  await kuulo?.stop();
});

/** A fresh browser (English) signed in as the user; Finnish is then chosen from the language menu. */
async function walkAs(username: string, role: string, lang: Lang) {
  const { ui } = texts(lang);
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(kuulo.baseUrl);
  await signIn(page, "en", loginOf(kuulo, username));
  if (lang === "fi") {
    await page.getByLabel(texts("en").ui.language).selectOption("fi");
    await page.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
  }
  const look = async (screen: string) => {
    await expect.poll(() => page.getByRole("status").filter({ hasText: ui.loading }).count()).toBe(0);
    const name = `training-${role}-${screen}-${lang}`;
    await checkA11y(page, name);
    await expectNamesOnly(page, name);
    await screenshot(page, name);
  };
  const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
  const nav = (name: string) =>
    page
      .getByRole("navigation", { name: ui.mainNavigation })
      .getByRole("link", { name, exact: true })
      .click();
  const finish = async () => {
    expect(errors).toEqual([]);
    await context.close();
  };
  return { page, look, heading, nav, finish };
}

/** Clicks play and waits until the player says it plays (the button turns into "Pause"). */
async function play(page: Page, lang: Lang) {
  const { tr } = texts(lang);
  const button = page.getByRole("button", { name: tr.player.play, exact: true });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await page.getByRole("button", { name: tr.player.pause, exact: true }).waitFor();
}

describe("role walks in the training portal", () => {
  it.each<Lang>(["en", "fi"])(
    "trainer (%s): finds calls by staff name, builds a playlist of them, assigns it to an employee by name with a due date",
    async (lang) => {
      const { tr } = texts(lang);
      const { page, look, heading, nav, finish } = await walkAs("kouluttaja", "trainer", lang);
      const title = lang === "fi" ? "Tarpeen selvitys" : "Finding out the need";

      await nav(tr.nav.recordings);
      await heading(tr.recordings.title);
      await page
        .getByLabel(tr.recordings.staffMember, { exact: true })
        .selectOption({ label: `${MIKKO} (mikko.korhonen)` });
      await page.getByRole("button", { name: tr.filters.apply }).click();
      const calls = page.getByRole("checkbox", {
        name: sentence(tr.recordingList.selectCall, { name: MIKKO }),
      });
      await expect.poll(() => calls.count()).toBe(3);
      await calls.nth(0).check();
      await calls.nth(1).check();
      await look("recordings");

      await page.getByRole("button", { name: tr.recordingList.addSelected }).click();
      const dialog = page.getByRole("dialog", {
        name: sentence(tr.recordingList.addTitle_other, { count: 2 }),
      });
      await dialog.getByRole("radio", { name: tr.recordingList.toNew }).check();
      await dialog.getByLabel(tr.playlists.fieldTitle, { exact: true }).fill(title);
      await look("add-to-playlist");
      await dialog.getByRole("button", { name: sentence(tr.recordingList.add_other, { count: 2 }) }).click();
      await dialog
        .getByText(sentence(tr.recordingList.added_other, { count: 2, title }, { within: true }))
        .waitFor();
      await dialog.getByRole("link", { name: tr.recordingList.openPlaylist }).click();
      await heading(title);

      await page.getByRole("button", { name: tr.publish.publish, exact: true }).click();
      await page.getByRole("button", { name: tr.publish.unpublish, exact: true }).waitFor();
      const people = page.getByRole("combobox", { name: tr.assign.people });
      await people.fill("Korhonen");
      await page
        .getByRole("listbox", { name: tr.assign.people })
        .getByRole("option", { name: new RegExp(MIKKO) })
        .click();
      await page.getByRole("list", { name: tr.assign.chosenPeople }).getByText(new RegExp(MIKKO)).waitFor();
      await page
        .getByLabel(tr.due.label, { exact: true })
        .fill(typedDay(lang, new Date(Date.now() + 14 * DAY)));
      await page.getByRole("button", { name: tr.assign.assign, exact: true }).click();
      await page.getByRole("button", { name: tr.assign.unassign.replace("{{name}}", MIKKO) }).waitFor();
      await page
        .getByText(new RegExp(escapeRegExp(tr.due.assigned.split("{{")[0] ?? "")))
        .first()
        .waitFor();
      await look("playlist-assigned");
      await finish();
    },
  );

  it.each<Lang>(["en", "fi"])(
    "quality reviewer (%s): opens this month's sample and evaluates a call with the form",
    async (lang) => {
      const { tr } = texts(lang);
      const { page, look, heading, nav, finish } = await walkAs("laatuarvioija", "reviewer", lang);
      await nav(tr.nav.quality);
      await heading(tr.quality.title);
      const evaluate = page.getByRole("link", { name: sentence(tr.quality.evaluateCall, { name: JUSSI }) });
      await evaluate.first().waitFor();
      await look("sample");

      await evaluate.first().click();
      await heading(sentence(tr.quality.evaluateTitle, { name: JUSSI }));
      const form = page.getByRole("form", { name: tr.quality.evaluationForm });
      await form.getByRole("radio").first().waitFor();
      // The first answer of every criterion ("yes", or 1 on a scale).
      for (const group of await form.getByRole("group").all()) {
        const first = group.getByRole("radio").first();
        if ((await first.count()) > 0) await first.check();
      }
      await form
        .getByLabel(tr.quality.summary, { exact: true })
        .fill(
          lang === "fi" ? "Selkeä puhelu, tarve jäi kysymättä." : "A clear call; the need was not asked.",
        );
      await look("evaluate");
      await form.getByRole("button", { name: tr.quality.submitEvaluation }).click();
      await page
        .getByRole("status")
        .filter({ hasText: sentence(tr.quality.saved, {}, { within: true }) })
        .or(page.getByRole("status").filter({ hasText: tr.quality.savedNoScore }))
        .first()
        .waitFor();
      await look("evaluated");
      await finish();
    },
  );

  it.each<Lang>(["en", "fi"])(
    "employee (%s): my training, plays the assigned playlist, reads the feedback on an own call",
    async (lang) => {
      const { tr } = texts(lang);
      const { page, look, heading, nav, finish } = await walkAs("mikko.korhonen", "employee", lang);
      await nav(tr.nav.myTraining);
      await heading(tr.myTraining.title);
      await page.getByRole("link", { name: ASSIGNED }).waitFor();
      await look("my-training");

      await page.getByRole("link", { name: ASSIGNED }).click();
      await heading(ASSIGNED);
      await play(page, lang);
      await look("player");
      await page.getByRole("button", { name: tr.player.pause, exact: true }).click();

      await nav(tr.nav.myCalls);
      await heading(tr.myCalls.title);
      await look("my-calls");
      await page
        .getByRole("link", { name: new RegExp(`^${escapeRegExp(tr.myCalls.listen)}`) })
        .last()
        .click();
      await page.getByRole("heading", { name: tr.quality.onCall }).waitFor();
      await page
        .getByText(sentence(tr.quality.score, {}, { within: true }))
        .first()
        .waitFor();
      await look("call-feedback");
      await finish();
    },
  );

  it.each<Lang>(["en", "fi"])("external trainer (%s): sees and plays the disclosed calls", async (lang) => {
    const { tr } = texts(lang);
    const { page, look, heading, finish } = await walkAs("ulkoinen.kouluttaja", "external-trainer", lang);
    await heading(tr.disclosed.title);
    const listen = page.getByRole("button", { name: tr.disclosed.listen });
    await expect.poll(() => listen.count()).toBe(3);
    await listen.first().click();
    await play(page, lang);
    await look("disclosed");
    await finish();
  });
});
