import { stat } from "node:fs/promises";
import {
  ApiSession,
  checkA11y,
  collectPageErrors,
  launchChromium,
  nextTotpCode,
  type RunningKuulo,
  screenshot,
  secondsLeftInWindow,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Lang, newContext, openNav, signIn, texts, typedDate } from "./helpers.js";

/**
 * A second privacy officer, made by the administrator through the API as in the admin app: created with
 * a one-time link, password set, authenticator enrolled. Four-eyes needs a different person to approve.
 */
export async function createSecondOfficer(
  admin: ApiSession,
  approver: ApiSession,
  baseUrl: string,
  username: string,
) {
  const organisations = await admin.data<{ id: string; kind: string }[]>(
    "organisations.find",
    undefined,
    "query",
  );
  const controller = organisations.find((organisation) => organisation.kind === "controller");
  if (!controller) throw new Error("no controller organisation");
  const created = await admin.data<{ user: { id: string }; setPasswordToken: string | null }>(
    "users.create",
    {
      organisationId: controller.id,
      username,
      firstName: "Toinen",
      lastName: "Tietosuojavastaava",
      email: null,
      grants: [{ role: "privacy_officer", unitId: null }],
    },
  );
  // The privacy officer role lets its holder listen (R10): another person approves it and gets the link.
  const requests = await approver.data<{ id: string; user: { id: string } }[]>(
    "grants.findRequests",
    undefined,
    "query",
  );
  const request = requests.find((candidate) => candidate.user.id === created.user.id);
  const approved = request
    ? await approver.data<{ setPasswordToken: string | null }>("grants.approveRequest", {
        requestId: request.id,
      })
    : null;
  const token = approved?.setPasswordToken ?? created.setPasswordToken;
  const password = "harmaa lokki liitelee hiljaa satamassa";
  const officer = new ApiSession(baseUrl);
  await officer.data("auth.setPasswordWithToken", { token, newPassword: password });
  await officer.signIn(username, password);
  const enrolment = await officer.data<{ manualKey: string }>("auth.beginTotpEnrolment", undefined);
  await officer.data("auth.confirmTotpEnrolment", { code: await nextTotpCode(enrolment.manualKey) });
  return officer;
}

const DAY = 86_400_000;

let kuulo: RunningKuulo;
let browser: Browser;
const secondOfficers = new Map<Lang, ApiSession>();
let lastOfficerWindow = -1;

beforeAll(async () => {
  [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  const adminLogin = kuulo.login("administrator");
  const admin = new ApiSession(kuulo.baseUrl);
  await admin.signIn(adminLogin.username, adminLogin.password, adminLogin.totpSecret);
  const officerLogin = kuulo.login("privacy_officer");
  const approver = new ApiSession(kuulo.baseUrl);
  await approver.signIn(officerLogin.username, officerLogin.password, officerLogin.totpSecret);
  for (const lang of ["en", "fi"] as const) {
    secondOfficers.set(
      lang,
      await createSecondOfficer(admin, approver, kuulo.baseUrl, `toinen.tietosuoja.${lang}`),
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await kuulo?.stop();
});

// The privacy officer's disclosure work from the admin app, once per language on one API.
describe.each<Lang>(["en", "fi"])("disclosures in %s", (lang) => {
  const { ui, admin } = texts(lang);
  const d = admin.disclosures;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let statutoryId = "";
  let trainingUrl = "";
  const shot = (name: string) => screenshot(page, `${lang}-disclosures-${name}`);
  const heading = (name: string) => page.getByRole("heading", { level: 1, name });

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

  // A failing step leaves a picture of where the officer's page was.
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await shot(`failed-${task.name}`).catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close();
  });

  it("lists disclosures with kind and status filters and the three ways to create one", async () => {
    await openNav(page, lang, admin.nav.disclosures);
    await heading(d.title).waitFor();
    await page.getByLabel(d.filterKind).waitFor();
    await page.getByLabel(d.filterStatus).waitFor();
    await page.getByRole("link", { name: d.newStatutory }).waitFor();
    await page.getByRole("link", { name: d.newAccessRequest }).waitFor();
    await checkA11y(page, "disclosures");
    await shot("01-list");
  });

  it("creates a training disclosure: R7 refusal next to the country, then the trainer's one-time link", async () => {
    await page.getByRole("link", { name: d.newTraining }).click();
    await heading(d.training.title).waitFor();
    const now = new Date();
    await page.getByLabel(d.field.recipientName).fill("Kaisa Kouluttaja");
    await page.getByLabel(d.field.recipientOrganisation).fill("Koulutus Oy");
    await page.getByLabel(d.field.recipientEmail).fill(`kaisa.${lang}@koulutus.example`);
    await page.getByLabel(d.field.ndaReference).fill(`NDA-2026-${lang}`);
    // Dates are typed as the UI language writes them, whatever the browser's own locale.
    await page.getByLabel(d.field.ndaSignedOn).fill(typedDate(lang, new Date(now.getTime() - DAY)));
    await page.getByLabel(d.training.validFrom).fill(typedDate(lang, now, true));
    await page
      .getByLabel(d.training.validUntil)
      .fill(typedDate(lang, new Date(now.getTime() + 30 * DAY), true));
    await page.getByLabel(d.field.purpose).fill("Asiakaspalvelukoulutus: hyvät käytännöt");
    const picker = page.locator(".picker-table input[type=checkbox]");
    await picker.first().waitFor();
    await picker.nth(0).check();
    await picker.nth(1).check();
    await page.getByText(admin.recordingPicker.selected_other.replace("{{count}}", "2")).waitFor();
    await page.getByLabel(d.training.attestation).check();

    // The select offers only EU/EEA countries; a tampered option is refused next to the field (R7)…
    const country = page.getByLabel(d.field.recipientCountry);
    await country.evaluate((select) => {
      const option = document.createElement("option");
      option.value = "US";
      option.textContent = "United States (US)";
      select.append(option);
    });
    await country.selectOption("US");
    await page.getByRole("button", { name: d.training.submit }).click();
    await page.getByText(d.training.countryRefused).waitFor();
    expect(await country.getAttribute("aria-invalid")).toBe("true");
    await shot("02-training-country-refused");
    // …and the API refuses it on its own, naming the field and the rule.
    const refused = await page.evaluate(async () => {
      const response = await fetch("/trpc/disclosures.createTraining", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          recipientName: "Sam Trainer",
          recipientOrganisation: "Training Inc",
          recipientCountry: "US",
          recipientEmail: "sam@training.example",
          ndaReference: "NDA-US-1",
          ndaSignedOn: "2026-01-02",
          purpose: "Training",
          validFrom: new Date().toISOString(),
          validUntil: new Date(Date.now() + 86_400_000).toISOString(),
          audienceAttestation: true,
          recordingIds: ["00000000-0000-4000-8000-000000000000"],
        }),
      });
      return { status: response.status, body: await response.json() };
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.data.domain).toMatchObject({ field: "recipientCountry", rule: "R7" });

    await country.selectOption("SE");
    await checkA11y(page, "training form");
    await page.getByRole("button", { name: d.training.submit }).click();
    await heading(d.training.createdTitle).waitFor();
    const link = page.getByTestId("one-time-link");
    expect(await link.textContent()).toMatch(/\/admin\/set-password#token=[a-z2-7]{52}$/);
    await checkA11y(page, "training created");
    await shot("03-training-created");

    await page.getByRole("link", { name: d.training.open }).click();
    await page.getByText(d.status.active, { exact: true }).first().waitFor();
    await page.getByRole("heading", { name: d.detail.listens }).waitFor();
    await page.getByRole("button", { name: d.actions.revoke }).waitFor();
    await page.getByText("Koulutus Oy").first().waitFor();
    trainingUrl = page.url();
    await checkA11y(page, "training disclosure");
    await shot("04-training-detail");
  });

  it("creates a statutory disclosure that waits for another privacy officer (four-eyes)", async () => {
    await openNav(page, lang, admin.nav.disclosures);
    await page.getByRole("link", { name: d.newStatutory }).click();
    await heading(d.statutory.title).waitFor();
    await page.getByRole("button", { name: d.statutory.submit }).click();
    // Client-side checks with the domain's schema: nothing sent yet.
    expect(await page.getByLabel(d.field.authority).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel(d.field.authority).fill("Helsingin poliisilaitos");
    await page.getByLabel(d.field.legalBasis).fill("Poliisilaki 4 luku 3 §");
    await page.getByLabel(d.field.caseReference).fill(`5500/R/123/26-${lang}`);
    const picker = page.locator(".picker-table input[type=checkbox]");
    await picker.first().waitFor();
    await picker.nth(2).check();
    await checkA11y(page, "statutory form");
    await shot("05-statutory-form");
    await page.getByRole("button", { name: d.statutory.submit }).click();
    await page.getByTestId("disclosure-created").getByText(d.statutory.pendingApproval).waitFor();
    await page.getByRole("link", { name: d.training.open }).click();
    await page.getByText(d.actions.ownNoApprove).waitFor();
    expect(await page.getByRole("button", { name: d.actions.approve }).isDisabled()).toBe(true);
    statutoryId = page.url().split("/").at(-1) ?? "";
    expect(statutoryId).toMatch(/^[0-9a-f-]{36}$/);
    await checkA11y(page, "statutory pending");
    await shot("06-statutory-pending");
  });

  it("after a second officer approves, the export package downloads once", async () => {
    const second = secondOfficers.get(lang);
    if (!second) throw new Error("no second officer");
    await second.data("disclosures.approve", { disclosureId: statutoryId });
    await page.reload();
    await page.getByRole("button", { name: d.actions.createLink }).click();
    const download = page.getByTestId("one-time-download");
    await download.waitFor();
    const href = (await download.getByRole("link").getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/exports\/[A-Za-z0-9_-]+$/);
    await checkA11y(page, "one-time download");
    await shot("07-one-time-download");
    const [file] = await Promise.all([page.waitForEvent("download"), download.getByRole("link").click()]);
    const path = await file.path();
    expect((await stat(path)).size).toBeGreaterThan(1000);
    const again = await page.evaluate(async (url) => (await fetch(url)).status, href);
    expect(again).toBeGreaterThanOrEqual(400);
    await page.getByText(d.status.delivered, { exact: true }).first().waitFor();
  });

  it("shows retention: periods with defaults, due chart, the statutory hold and the Art. 30 record", async () => {
    const r = admin.retention;
    await openNav(page, lang, admin.nav.retention);
    await heading(r.title).waitFor();
    await page.getByRole("heading", { name: r.dueTitle }).waitFor();
    await page
      .locator(".recharts-surface")
      .or(page.getByText(r.dueNone, { exact: false }))
      .first()
      .waitFor();
    const holds = page.getByRole("table", { name: admin.holds.title });
    await holds.waitFor();
    expect(await holds.getByRole("row").count()).toBeGreaterThanOrEqual(2);
    // A refused period is explained next to its field, by the API (R13: training never shorter).
    await page.getByRole("button", { name: r.edit }).click();
    const trainingDays = page.getByLabel(r.trainingDays);
    await trainingDays.fill("30");
    await page.getByRole("button", { name: admin.save }).click();
    await page.getByText(d.refusals.retention.training_shorter).waitFor();
    expect(await trainingDays.getAttribute("aria-invalid")).toBe("true");
    await shot("08a-retention-refused");
    await page.getByRole("button", { name: admin.cancel }).click();
    // Early erasure asks first; a held recording (picked by search, not by id) is refused by the API.
    const erase = page.locator("section[aria-labelledby=retention-erase]");
    const heldRow = erase.locator(".picker-table tbody tr").filter({ hasText: admin.recordingPicker.held });
    await heldRow.first().getByRole("checkbox").check();
    await erase.getByRole("list", { name: admin.recordingPicker.selectedList }).waitFor();
    await erase.getByLabel(r.eraseReason).fill("Rekisteröidyn pyyntö 29.11.2026, tiketti 4411");
    await erase.getByRole("button", { name: r.eraseSubmit }).click();
    const confirm = page.getByRole("dialog", { name: r.eraseTitle });
    await confirm.waitFor();
    await checkA11y(page, "erase confirmation");
    await shot("08b-erase-confirm");
    await confirm.getByRole("button", { name: r.eraseSubmit.replace("…", ""), exact: true }).click();
    await erase.getByText(d.refusals.recording.legal_hold).waitFor();
    await page.getByRole("button", { name: r.recordShow }).click();
    await page.getByTestId("record-of-processing").waitFor();
    expect(await page.getByTestId("record-of-processing").textContent()).toContain(r.recordLabels.controller);
    await checkA11y(page, "retention");
    await shot("08-retention");
  });

  it("records a data-subject access request: a call picked by staff name, kept when leaving is declined", async () => {
    const p = admin.recordingPicker;
    await openNav(page, lang, admin.nav.disclosures);
    await page.getByRole("link", { name: d.newAccessRequest }).click();
    await heading(d.access.title).waitFor();
    // The calls are searched only within the period the data subject asks about (R6: the API refuses others).
    await page.getByText(d.access.windowFirst).waitFor();
    await page.getByLabel(d.access.from).fill(typedDate(lang, new Date(Date.now() - 60 * DAY), true));
    await page.getByLabel(d.access.to).fill(typedDate(lang, new Date(Date.now() + DAY), true));
    const picker = page.getByRole("group", { name: d.access.candidates });
    await picker.getByLabel(p.staff).selectOption({ label: "Jussi Mäkelä" });
    await picker.getByRole("button", { name: p.searchButton }).click();
    const rows = picker.locator(".picker-table tbody tr");
    await rows.filter({ hasText: "Jussi Mäkelä" }).first().waitFor();
    await expect.poll(() => rows.filter({ hasNotText: "Jussi Mäkelä" }).count()).toBe(0);
    await rows.first().getByRole("checkbox").check();
    const chosen = picker.getByRole("list", { name: p.selectedList });
    await chosen.getByText(/Jussi Mäkelä · .+ · \d+:\d\d/).waitFor();
    await page.getByLabel(d.field.requesterName).fill("Asiakas Pyytäjä");
    await page.getByLabel(d.access.note).fill("Ajokortti tarkistettu asiakaspalvelupisteessä");
    await checkA11y(page, "access request");
    await shot("09-access-request");

    // Leaving with the work unsaved asks first; staying keeps the chosen call and the typed fields.
    await page
      .getByRole("navigation", { name: ui.mainNavigation })
      .getByRole("link", { name: admin.nav.retention, exact: true })
      .click();
    const question = page.getByRole("dialog", { name: ui.unsaved.title });
    await question.waitFor();
    await checkA11y(page, "access request leave question");
    await shot("09b-access-request-leave");
    await question.getByRole("button", { name: ui.unsaved.stay }).click();
    await question.waitFor({ state: "hidden" });
    await heading(d.access.title).waitFor();
    expect(await page.getByLabel(d.field.requesterName).inputValue()).toBe("Asiakas Pyytäjä");
    expect(await chosen.getByRole("listitem").count()).toBe(1);
    await chosen.getByText(/Jussi Mäkelä/).waitFor();

    await page.getByRole("button", { name: d.access.submit }).click();
    await heading(d.access.createdTitle).waitFor();
    await page.getByRole("link", { name: d.training.open }).click();
    // The record names the chosen call by person and time, the method in words, the window as dates.
    await page
      .locator("section[aria-labelledby=disclosure-recordings]")
      .getByText(/Jussi Mäkelä/)
      .waitFor();
    const record = page.locator("section[aria-labelledby=disclosure-record]");
    await record
      .getByText(`${d.access.methods.in_person_id_document}: Ajokortti`, { exact: false })
      .waitFor();
    expect(await record.textContent()).not.toMatch(/in_person_id_document|\d{4}-\d\d-\d\dT/);
    await checkA11y(page, "access request detail");
    await shot("09c-access-request-detail");
  });

  it("revokes the training disclosure with a reason; customer data in the reason is refused beside it", async () => {
    await page.goto(trainingUrl);
    await page.getByRole("button", { name: d.actions.revoke }).click();
    const dialog = page.getByRole("dialog", { name: d.actions.revokeTitle });
    const reason = dialog.getByLabel(d.actions.revokeReason);
    await reason.fill("Asiakas soitti numerosta 040 1234567");
    await dialog.getByRole("button", { name: d.actions.revoke, exact: true }).click();
    // The API refuses customer data (R4); the dialog words its reason in the UI language beside the field.
    await dialog.getByText(lang === "fi" ? /puhelinnumero/i : /phone number/i).waitFor();
    expect(await reason.getAttribute("aria-invalid")).toBe("true");
    await shot("10-revoke-refused");
    await reason.fill("Koulutus peruttu");
    await dialog.getByRole("button", { name: d.actions.revoke, exact: true }).click();
    await page.getByText(d.status.revoked, { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: d.actions.revoke }).count()).toBe(0);
  });

  it("closes the statutory case, which releases its legal hold", async () => {
    await page.goto(`${kuulo.baseUrl}/admin/disclosures/${statutoryId}`);
    await page.getByRole("button", { name: d.actions.close }).click();
    const dialog = page.getByRole("dialog", { name: d.actions.closeTitle });
    await dialog.getByRole("button", { name: d.actions.close, exact: true }).click();
    await page.getByText(d.status.closed, { exact: true }).first().waitFor();
    await openNav(page, lang, admin.nav.retention);
    await page.getByRole("heading", { name: admin.holds.title }).waitFor();
    const holdLinks = page.locator(`section[aria-labelledby=legal-holds] a[href$="${statutoryId}"]`);
    await page.getByText(admin.retention.dueTitle).first().waitFor();
    await page.locator("section[aria-labelledby=legal-holds] :is(table, .empty-state)").first().waitFor();
    expect(await holdLinks.count()).toBe(0);
  });

  it("raised no CSP refusal or uncaught error", () => {
    expect(errors).toEqual([]);
  });
});
