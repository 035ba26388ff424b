import {
  ApiSession,
  checkA11y,
  collectPageErrors,
  launchChromium,
  type RunningKuulo,
  screenshot,
  secondsLeftInWindow,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Lang, newContext, openNav, signIn, texts, typedDate } from "./helpers.js";

const DAY = 86_400_000;
const playlistTitle = (lang: Lang) => `Hyvät avaukset ${lang}`;

let kuulo: RunningKuulo;
let browser: Browser;
let lastOfficerWindow = -1;

beforeAll(async () => {
  [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  // A trainer's playlist for each language, made by API: the privacy officer only ever sees its title.
  const trainerLogin = kuulo.login("trainer");
  const trainer = new ApiSession(kuulo.baseUrl);
  await trainer.signIn(trainerLogin.username, trainerLogin.password, trainerLogin.totpSecret);
  const calls = await trainer.data<{ items: { id: string; unit: { id: string } }[] }>(
    "recordings.find",
    {},
    "query",
  );
  const call = calls.items[0];
  if (!call) throw new Error("the trainer sees no demo recording");
  for (const lang of ["en", "fi"] as const) {
    const { id: playlistId } = await trainer.data<{ id: string }>("playlists.create", {
      title: playlistTitle(lang),
      unitId: call.unit.id,
    });
    await trainer.data("playlists.setItems", {
      playlistId,
      items: [{ recordingId: call.id, clipStartMs: 0, clipEndMs: 5000, note: "Avaus" }],
    });
  }
});

afterAll(async () => {
  await browser?.close();
  await kuulo?.stop();
});

// Recordings and playlists are chosen by names, never ids: a legal hold and a training disclosure.
describe.each<Lang>(["en", "fi"])("pickers in %s", (lang) => {
  const { ui, admin } = texts(lang);
  const p = admin.recordingPicker;
  const h = admin.holdForm;
  const d = admin.disclosures;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const shot = (name: string) => screenshot(page, `${lang}-pickers-${name}`);

  beforeAll(async () => {
    context = await newContext(browser, "en-GB");
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto(`${kuulo.baseUrl}/admin/`);
    if (lang === "fi") await page.getByLabel(texts("en").ui.language).selectOption("fi");
    await page.getByRole("heading", { name: ui.signIn.title }).waitFor();
    // The demo officer's code is single-use: the second language waits for the next 30 s window.
    if (Math.floor(Date.now() / 30_000) === lastOfficerWindow) {
      await page.waitForTimeout(secondsLeftInWindow() * 1000 + 500);
    }
    await signIn(page, lang, kuulo.login("privacy_officer"));
    lastOfficerWindow = Math.floor(Date.now() / 30_000);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await shot(`failed-${task.name}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
  });

  it("places a legal hold on a call found by staff name, with a preview player, listed by name and time", async () => {
    await openNav(page, lang, admin.nav.retention);
    const form = page.locator("form[aria-labelledby=place-hold]");
    await form.getByRole("heading", { name: h.title }).waitFor();
    await form.getByLabel(p.staff).selectOption({ label: "Aino Virtanen" });
    await form.getByLabel(p.from).fill(typedDate(lang, new Date(Date.UTC(2026, 0, 1))));
    await form.getByRole("button", { name: p.searchButton }).click();
    const rows = form.locator(".picker-table tbody tr");
    await rows.filter({ hasText: "Aino Virtanen" }).first().waitFor();
    expect(await rows.filter({ hasNotText: "Aino Virtanen" }).count()).toBe(0);
    // The officer may listen (R10), so the preview is offered; the API streams it to this session only.
    await rows.first().getByRole("button", { name: p.listen }).click();
    await rows.first().locator("audio").waitFor();
    await rows.first().getByRole("button", { name: p.closePlayer }).click();
    await rows.first().getByRole("checkbox").check();
    const chosen = form.getByRole("list", { name: p.selectedList });
    await chosen.getByText(/Aino Virtanen · .+ · \d+:\d\d/).waitFor();
    await form.getByLabel(h.reason).fill(`Reklamaatio käsittelyssä ${lang}`);
    await form.getByLabel(h.caseReference).fill(`KO-2026/${lang}`);
    await checkA11y(page, "legal hold form");
    await shot("01-hold-form");
    await form.getByRole("button", { name: h.submit }).click();
    await form.getByText(h.placed_one.replace("{{count}}", "1")).waitFor();
    const held = page
      .getByRole("table", { name: admin.holds.title })
      .getByRole("row")
      .filter({ hasText: `KO-2026/${lang}` });
    await held.getByText("Aino Virtanen").waitFor();
    await held.getByText(`Reklamaatio käsittelyssä ${lang}`).waitFor();
    expect(await held.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await checkA11y(page, "legal holds");
    await shot("02-hold-listed");
  });

  it("discloses a playlist chosen by title to the demo external trainer chosen by name", async () => {
    await openNav(page, lang, admin.nav.disclosures);
    await page.getByRole("link", { name: d.newTraining }).click();
    await page.getByRole("heading", { level: 1, name: d.training.title }).waitFor();
    const trainer = page.getByRole("combobox", { name: d.trainerPicker.search });
    await trainer.fill("Eero");
    await page
      .getByRole("listbox", { name: d.trainerPicker.search })
      .getByRole("option", { name: /Eero Ekstra/ })
      .click();
    await page
      .getByTestId("picked-trainer")
      .getByText(/Eero Ekstra/)
      .waitFor();
    await page.getByLabel(d.training.sourcePlaylist).check();
    await page.getByLabel(admin.playlistPicker.search).fill(playlistTitle(lang));
    await page.getByRole("button", { name: `${admin.playlistPicker.use}: ${playlistTitle(lang)}` }).click();
    await page.getByTestId("picked-playlist").getByText(playlistTitle(lang)).waitFor();
    const now = new Date();
    // The demo trainer's account has no e-mail yet; the disclosure record needs one (R6a).
    await page.getByLabel(d.field.recipientEmail).fill(`eero.${lang}@koulutuspalvelu.example`);
    await page.getByLabel(d.field.ndaReference).fill(`NDA-DEMO-${lang}`);
    await page.getByLabel(d.field.ndaSignedOn).fill(typedDate(lang, new Date(now.getTime() - DAY)));
    await page.getByLabel(d.training.validFrom).fill(typedDate(lang, now, true));
    await page
      .getByLabel(d.training.validUntil)
      .fill(typedDate(lang, new Date(now.getTime() + 14 * DAY), true));
    await page.getByLabel(d.field.purpose).fill("Asiakaspalvelukoulutus: hyvät avaukset");
    await page.getByLabel(d.training.attestation).check();
    await checkA11y(page, "playlist disclosure form");
    await shot("03-playlist-disclosure");
    await page.getByRole("button", { name: d.training.submit }).click();
    await page.getByRole("heading", { level: 1, name: d.training.createdTitle }).waitFor();
    await shot("04-playlist-disclosure-created");
  });

  it("shows a half-typed date as such, in the UI language", async () => {
    await openNav(page, lang, admin.nav.disclosures);
    await page.getByRole("link", { name: d.newTraining }).click();
    const from = page.getByLabel(d.training.validFrom);
    await from.fill("31.2.2026");
    await from.blur();
    expect(await from.getAttribute("aria-invalid")).toBe("true");
    await page
      .getByText(ui.dateField.invalid.split("{{")[0] ?? "")
      .first()
      .waitFor();
    await shot("05-date-invalid");
  });

  it("raised no CSP refusal or uncaught error", () => {
    expect(errors).toEqual([]);
  });
});
