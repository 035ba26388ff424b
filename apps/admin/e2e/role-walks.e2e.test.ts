import {
  checkA11y,
  collectPageErrors,
  escapeRegExp,
  expectNamesOnly,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import { inboxPageMessages } from "@kuulo/ui/inbox";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiSession } from "./api-session.js";
import { type Lang, newContext, openNav, signIn, texts, typedDate } from "./helpers.js";

/**
 * Issue 11: each role of the admin app walks its main tasks by what a person sees (names, labels,
 * headings), in English and in Finnish chosen from the app's own language menu. Every main screen is
 * checked with axe, read for ids and rule codes, and saved as `admin-<role>-<screen>-<lang>.png`.
 */
const DAY = 86_400_000;
const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce(
    (text, [key, value]) => text.replaceAll(`{{${key}}}`, String(value)),
    template,
  );

/** Listening roles the administrator asked for before the walks; the privacy officer decides them by name. */
const ASKED = { en: "Sanna Saarinen", fi: "Liisa Laine" } as const;
/** Whose calls the privacy officer holds and asks about, per language (the walks never share a row). */
const STAFF = { en: "Mikko Korhonen", fi: "Jussi Mäkelä" } as const;
/** The same people as the access request's staff menu lists them (surname first, with the username). */
const STAFF_NAME = { en: "Mikko Korhonen", fi: "Jussi Mäkelä" } as const;

let kuulo: RunningKuulo;
let browser: Browser;

beforeAll(async () => {
  [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
  // The administrator asks for two listening roles (R10: they wait for a privacy officer's approval).
  const login = kuulo.login("administrator");
  const admin = new ApiSession(kuulo.baseUrl);
  await admin.signIn(login.username, login.password, login.totpSecret);
  const units = await admin.data<{ id: string; code: string }[]>("units.find", {}, "query");
  const tampere = units.find((unit) => unit.code === "TRE-ASPA");
  for (const [username, role] of [
    ["laatuarvioija", "trainer"],
    ["kouluttaja", "quality_reviewer"],
  ] as const) {
    const found = await admin.data<{ items: { id: string; username: string }[] }>(
      "users.find",
      { search: username },
      "query",
    );
    const person = found.items.find((candidate) => candidate.username === username);
    await admin.data("grants.create", { userId: person?.id, role, unitId: tampere?.id });
  }
});

afterAll(async () => {
  await browser?.close();
  await kuulo?.stop();
});

/** A fresh browser (English) signed in as the role; Finnish is then chosen from the language menu. */
async function walkAs(role: "administrator" | "privacy_officer", lang: Lang) {
  const { ui } = texts(lang);
  const context = await newContext(browser, "en-GB");
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${kuulo.baseUrl}/admin/`);
  await signIn(page, "en", kuulo.login(role));
  if (lang === "fi") {
    await page.getByLabel(texts("en").ui.language).selectOption("fi");
    await page.getByRole("navigation", { name: ui.mainNavigation }).waitFor();
  }
  const look = async (screen: string) => {
    await expect.poll(() => page.getByRole("status").filter({ hasText: ui.loading }).count()).toBe(0);
    const name = `admin-${role.replace("_", "-")}-${screen}-${lang}`;
    await checkA11y(page, name);
    await expectNamesOnly(page, name);
    await screenshot(page, name);
  };
  const heading = (name: string) => page.getByRole("heading", { level: 1, name }).waitFor();
  const finish = async () => {
    expect(errors).toEqual([]);
    await context.close();
  };
  return { page, look, heading, finish };
}

describe("role walks in the admin app", () => {
  it.each<Lang>(["en", "fi"])(
    "administrator (%s): finds people by name, changes a role, deactivates and reactivates, makes an API token, reads the audit log by person",
    async (lang) => {
      const { admin } = texts(lang);
      const { page, look, heading, finish } = await walkAs("administrator", lang);
      await heading(admin.dashboard.title);
      await page.getByRole("heading", { name: admin.dashboard.perDay }).waitFor();
      await look("dashboard");

      await openNav(page, lang, admin.nav.users);
      await heading(admin.users.title);
      if (lang === "en") {
        // A role change by name: Mikko becomes a quality reviewer in his unit; as a listening role it
        // waits for a privacy officer.
        await page.getByLabel(admin.users.search).fill("Korhonen");
        await page.getByRole("link", { name: "Korhonen, Mikko" }).click();
        await heading("Mikko Korhonen");
        await page
          .getByLabel(admin.grants.role, { exact: true })
          .selectOption({ label: admin.roles.quality_reviewer });
        await page
          .getByLabel(admin.grants.scope, { exact: true })
          .selectOption({ label: "Helsinki, asiakaspalvelu (HKI-ASPA)" });
        await page.getByRole("button", { name: admin.grants.grant }).click();
        await page.getByText(admin.approvals.grantNotice).waitFor();
        await look("user-role-asked");
      } else {
        // The external trainer's account is switched off and back on, found by surname.
        await page.getByLabel(admin.users.search).fill("Ekstra");
        await look("users-found");
        await page.getByRole("link", { name: "Ekstra, Eero" }).click();
        await heading("Eero Ekstra");
        // Each change asks first, in a dialog named after the person.
        const confirmed = async (action: string, title: string) => {
          await page.getByRole("button", { name: action, exact: true }).click();
          const dialog = page.getByRole("dialog", { name: fill(title, { name: "Eero Ekstra" }) });
          await dialog.getByRole("button", { name: action, exact: true }).click();
          await dialog.waitFor({ state: "hidden" });
        };
        await confirmed(admin.users.deactivate, admin.users.deactivateTitle);
        await page.getByText(admin.users.status.deactivated, { exact: true }).first().waitFor();
        await look("user-deactivated");
        await confirmed(admin.users.reactivate, admin.users.reactivateTitle);
        await page.getByText(admin.users.status.active, { exact: true }).first().waitFor();
      }

      await openNav(page, lang, admin.nav.apiTokens);
      await heading(admin.tokens.title);
      await page.getByRole("button", { name: admin.tokens.create }).click();
      const dialog = page.getByRole("dialog");
      const tokenName = lang === "fi" ? "Puhelutallennin Tampere" : "Call recorder Helsinki";
      await dialog.getByLabel(admin.tokens.name, { exact: true }).fill(tokenName);
      await dialog.getByRole("button", { name: admin.tokens.createSubmit }).click();
      await dialog.getByText(admin.tokens.shownOnce).waitFor();
      await dialog.getByRole("button", { name: admin.done }).click();
      await page.getByRole("row").filter({ hasText: tokenName }).getByText(admin.tokens.active).waitFor();
      await look("api-tokens");

      await openNav(page, lang, admin.nav.audit);
      await heading(admin.audit.title);
      const person = page.getByRole("combobox", { name: admin.audit.person });
      await person.fill("Ylläpit");
      await page.getByRole("option", { name: /Anna Ylläpitäjä/ }).click();
      await page.getByRole("button", { name: admin.filters.apply }).click();
      const sentences = page.getByRole("row").filter({ hasText: "Anna Ylläpitäjä" });
      await sentences.first().waitFor();
      await look("audit-by-person");
      await finish();
    },
  );

  it.each<Lang>(["en", "fi"])(
    "privacy officer (%s): inbox, approves a listening role by name, holds a call found by staff name, opens a disclosure and records an access request",
    async (lang) => {
      const { admin } = texts(lang);
      const d = admin.disclosures;
      const inbox = inboxPageMessages[lang];
      const { page, look, heading, finish } = await walkAs("privacy_officer", lang);

      await page
        .getByRole("navigation", { name: texts(lang).ui.mainNavigation })
        .getByRole("link", { name: new RegExp(`^${escapeRegExp(texts(lang).ui.inbox.nav)}`) })
        .click();
      await heading(inbox.title);
      await look("inbox");

      await openNav(page, lang, admin.nav.approvals);
      await heading(admin.approvals.title);
      const request = page.getByRole("row").filter({ hasText: ASKED[lang] });
      await look("approvals");
      await request.getByRole("button", { name: admin.approvals.approve }).click();
      await page
        .getByRole("dialog", { name: fill(admin.approvals.approveTitle, { name: ASKED[lang] }) })
        .getByRole("button", { name: admin.approvals.approve })
        .click();
      await page
        .getByRole("heading", { name: fill(admin.approvals.approvedTitle, { name: ASKED[lang] }) })
        .waitFor();
      await look("approved");

      // A legal hold on a call found by the staff member's name, never by an id.
      await openNav(page, lang, admin.nav.retention);
      await heading(admin.retention.title);
      const hold = page.getByRole("form", { name: admin.holdForm.title });
      await hold
        .getByLabel(admin.recordingPicker.staff, { exact: true })
        .selectOption({ label: STAFF[lang] });
      await hold.getByRole("button", { name: admin.recordingPicker.searchButton }).click();
      const call = hold.getByRole("checkbox", { name: new RegExp(`${STAFF[lang]}$`) }).first();
      await call.check();
      await hold
        .getByRole("list", { name: admin.recordingPicker.selectedList })
        .getByText(STAFF[lang])
        .waitFor();
      await hold
        .getByLabel(admin.holdForm.reason, { exact: true })
        .fill(lang === "fi" ? "Asiakasvalitus, käsittely kesken" : "Customer complaint under review");
      await hold.getByRole("button", { name: admin.holdForm.submit }).click();
      await hold.getByText(fill(admin.holdForm.placed_one, { count: 1 })).waitFor();
      await page.getByRole("table", { name: admin.holds.title }).getByText(STAFF[lang]).first().waitFor();
      await look("legal-hold");

      // The demo's training disclosure, opened from the list by its recipient.
      await openNav(page, lang, admin.nav.disclosures);
      await heading(d.title);
      await look("disclosures");
      await page.getByRole("row").filter({ hasText: "Eero Ekstra" }).getByRole("link").first().click();
      await page
        .getByRole("heading", {
          level: 1,
          name: new RegExp(`^${escapeRegExp(d.kind.training)}: Eero Ekstra`),
        })
        .waitFor();
      await page.getByText(d.status.active, { exact: true }).first().waitFor();
      await look("disclosure");

      // A data-subject access request: calls found by time and staff name, recorded, then opened.
      await openNav(page, lang, admin.nav.disclosures);
      await page.getByRole("link", { name: d.newAccessRequest }).click();
      await heading(d.access.title);
      await page
        .getByLabel(d.access.from, { exact: true })
        .fill(typedDate(lang, new Date(Date.now() - 60 * DAY), true));
      await page
        .getByLabel(d.access.to, { exact: true })
        .fill(typedDate(lang, new Date(Date.now() + DAY), true));
      const picker = page.getByRole("group", { name: d.access.candidates });
      await picker
        .getByLabel(admin.recordingPicker.staff, { exact: true })
        .selectOption({ label: STAFF_NAME[lang] });
      await picker.getByRole("button", { name: admin.recordingPicker.searchButton }).click();
      const rows = picker.locator(".picker-table tbody tr");
      await rows.filter({ hasText: STAFF_NAME[lang] }).first().waitFor();
      await rows.first().getByRole("checkbox").check();
      await picker.getByRole("list", { name: admin.recordingPicker.selectedList }).waitFor();
      await page
        .getByLabel(d.field.requesterName, { exact: true })
        .fill(lang === "fi" ? "Asiakas Pyytäjä" : "Customer Asker");
      await page
        .getByLabel(d.access.note, { exact: true })
        .fill(
          lang === "fi"
            ? "Ajokortti tarkistettu asiakaspalvelupisteessä"
            : "Driving licence checked at the service desk",
        );
      await look("access-request-form");
      await page.getByRole("button", { name: d.access.submit }).click();
      await heading(d.access.createdTitle);
      await page.getByRole("link", { name: d.training.open }).click();
      await page
        .getByRole("heading", { level: 1, name: new RegExp(`^${escapeRegExp(d.kind.access_request)}`) })
        .waitFor();
      await look("access-request");
      await finish();
    },
  );
});
