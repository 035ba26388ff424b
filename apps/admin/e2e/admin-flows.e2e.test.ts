import { readFile } from "node:fs/promises";
import { auditTexts, fillTemplate } from "@kuulo/domain/audit";
import {
  checkA11y,
  collectPageErrors,
  fillTotpCode,
  launchChromium,
  type RunningKuulo,
  screenshot,
  startKuulo,
} from "@kuulo/e2e";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminLogin, type Lang, newContext, openNav, signIn, texts } from "./helpers.js";

const NEW_PASSWORD = "kaunis sininen meri aaltoilee hiljaa";

// Every flow of the issue, once per language; each language gets a fresh API and database.
describe.each<Lang>(["en", "fi"])("admin app in %s", (lang) => {
  const { ui, admin } = texts(lang);
  const username = `testi.kouluttaja.${lang}`;
  // The audit log reads the deactivation as a sentence with names, from the domain's template.
  const deactivated = fillTemplate(auditTexts(lang).actions["user.deactivate"].sentence, {
    actor: "Anna Ylläpitäjä",
    target: `Testi Kouluttaja ${lang.toUpperCase()}`,
  });
  let kuulo: RunningKuulo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let oneTimeLink = "";

  const shot = async (name: string, target = page) => screenshot(target, `${lang}-${name}`);
  const heading = (name: string, target = page) => target.getByRole("heading", { level: 1, name });

  beforeAll(async () => {
    [kuulo, browser] = await Promise.all([startKuulo(), launchChromium()]);
    // The browser starts in English; the Finnish run switches with the app's own language menu.
    context = await newContext(browser, "en-GB");
    page = await context.newPage();
    errors = collectPageErrors(page);
  });

  // A failing step leaves a picture of where the administrator's page was.
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await shot(`failed-${task.name}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await kuulo?.stop();
  });

  it("signs the administrator in with a TOTP code", async () => {
    await page.goto(`${kuulo.baseUrl}/admin/`);
    if (lang === "fi") {
      await page.getByLabel(texts("en").ui.language).selectOption("fi");
    }
    await page.getByRole("heading", { name: ui.signIn.title }).waitFor();
    await checkA11y(page, "sign-in");
    await shot("01-sign-in");
    await signIn(page, lang, adminLogin(kuulo.demoLogins));
    await heading(admin.dashboard.title).waitFor();
    await page.getByText(admin.dashboard.usersByRole).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("kuulo.locale"))).toBe(lang === "fi" ? "fi" : null);
    // The charts load in their own chunk: wait for them so the check and the screenshot see real figures.
    await page.getByRole("heading", { name: admin.dashboard.perDay }).waitFor();
    // The demo's history (calls and listens over the last weeks, two calls coming due for purge) gives
    // the per-day chart its bars and the purge forecast a chart rather than its "nothing due" sentence.
    await page.locator("svg.recharts-surface").first().waitFor();
    await page.locator("section[aria-labelledby=purge-title] svg.recharts-surface").waitFor();
    await checkA11y(page, "dashboard");
    await shot("02-dashboard");
  });

  it("creates a user with a trainer role in one unit and shows their effective access", async () => {
    await openNav(page, lang, admin.nav.users);
    await heading(admin.users.title).waitFor();
    await page.getByRole("cell", { name: "admin", exact: true }).waitFor();
    await checkA11y(page, "users");
    await shot("03-users");

    await page.getByRole("button", { name: admin.users.create }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(admin.users.firstName).fill("Testi");
    await dialog.getByLabel(admin.users.lastName).fill(`Kouluttaja ${lang.toUpperCase()}`);
    await dialog.getByLabel(admin.users.username).fill(username);
    await dialog.getByLabel(admin.grants.role).selectOption("trainer");
    await dialog.getByLabel(admin.grants.scope).selectOption({ label: "Helsinki, myynti (HKI-MYYNTI)" });
    await checkA11y(page, "create-user dialog");
    await dialog.getByRole("button", { name: admin.users.createSubmit }).click();
    // R10: a trainer listens, so the role and the one-time link wait for a privacy officer; none for the admin.
    await dialog.getByTestId("awaiting-approval-notice").waitFor();
    expect(await dialog.getByTestId("one-time-link").count()).toBe(0);
    await shot("04-user-created-awaiting-approval");

    await dialog.getByRole("link", { name: admin.users.openCreated }).click();
    await heading(`Testi Kouluttaja ${lang.toUpperCase()}`).waitFor();
    await page.getByTestId("awaiting-approval").first().waitFor();
    await expect(page.getByTestId("listening-summary").textContent()).resolves.toBe(admin.access.noListening);

    // The privacy officer, in their own browser, approves it and receives the link to hand over.
    const officerContext = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const officerPage = await officerContext.newPage();
    const officerErrors = collectPageErrors(officerPage);
    await officerPage.goto(`${kuulo.baseUrl}/admin/`);
    await officerPage.getByRole("heading", { name: ui.signIn.title }).waitFor();
    await signIn(officerPage, lang, kuulo.login("privacy_officer"));
    await openNav(officerPage, lang, admin.nav.approvals);
    const row = officerPage
      .getByTestId("approval-requests")
      .getByRole("row")
      .filter({ hasText: `Testi Kouluttaja ${lang.toUpperCase()}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(admin.roles.trainer);
    await expect(row.textContent()).resolves.toContain("HKI-MYYNTI");
    await expect(row.textContent()).resolves.toContain("admin");
    await checkA11y(officerPage, "approvals");
    await shot("04a-approvals", officerPage);
    await row.getByRole("button", { name: admin.approvals.approve }).click();
    await officerPage.getByRole("dialog").getByRole("button", { name: admin.approvals.approve }).click();
    const link = officerPage.getByTestId("approval-handover").getByTestId("one-time-link");
    await link.waitFor();
    oneTimeLink = (await link.textContent()) ?? "";
    expect(oneTimeLink).toMatch(/\/admin\/set-password#token=[a-z2-7]{52}$/);
    await shot("04b-approved-link-to-hand-over", officerPage);
    expect(officerErrors).toEqual([]);
    await officerContext.close();

    await page.reload();
    await heading(`Testi Kouluttaja ${lang.toUpperCase()}`).waitFor();
    const access = page.getByTestId("effective-access");
    const listen = access.locator('tr[data-permission="recording.listen"]');
    await listen.waitFor();
    await expect(listen.textContent()).resolves.toContain("Helsinki, myynti");
    await expect(listen.textContent()).resolves.toContain(admin.roles.trainer);
    // Least privilege (R10): a trainer administers nothing.
    expect(await access.locator('tr[data-permission="user.read"]').count()).toBe(0);
    await expect(access.getByTestId("listening-summary").textContent()).resolves.toBe(admin.access.listens);
    await checkA11y(page, "user page");
    await shot("05-user-effective-access");
  });

  it("deactivating the user ends their open session", async () => {
    const theirContext = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const theirPage = await theirContext.newPage();
    const theirErrors = collectPageErrors(theirPage);
    await theirPage.goto(oneTimeLink);
    await theirPage.getByLabel(ui.setPassword.password, { exact: true }).fill(NEW_PASSWORD);
    // The token leaves the address bar (and history) as soon as the page has read it.
    expect(new URL(theirPage.url()).hash).toBe("");
    await theirPage.getByLabel(ui.setPassword.repeat).fill(NEW_PASSWORD);
    await checkA11y(theirPage, "set-password");
    await shot("06-set-password", theirPage);
    await theirPage.getByRole("button", { name: ui.setPassword.submit }).click();
    await theirPage.getByText(ui.setPassword.done).waitFor();
    await theirPage.getByRole("link", { name: ui.signIn.submit }).click();
    await signIn(theirPage, lang, { username, password: NEW_PASSWORD });
    await theirPage.getByText(admin.dashboard.nothing).waitFor();

    await page.getByRole("button", { name: admin.users.deactivate, exact: true }).click();
    const confirm = page.getByRole("dialog");
    await shot("07-deactivate-confirm");
    await confirm.getByRole("button", { name: admin.users.deactivate, exact: true }).click();
    await confirm.waitFor({ state: "hidden" });
    await page.getByText(admin.users.status.deactivated).first().waitFor();

    // Their next call is refused: the app keeps their screen and asks them to sign in again.
    await openNav(theirPage, lang, admin.nav.account);
    await theirPage.getByRole("heading", { name: ui.session.endedTitle }).waitFor();
    await shot("08-their-session-ended", theirPage);
    expect(theirErrors).toEqual([]);
    await theirContext.close();
  });

  it("walks a new administrator through TOTP enrolment with recovery codes shown once", async () => {
    await openNav(page, lang, admin.nav.users);
    await page.getByRole("button", { name: admin.users.create }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(admin.users.firstName).fill("Uusi");
    await dialog.getByLabel(admin.users.lastName).fill(`Ylläpitäjä ${lang.toUpperCase()}`);
    await dialog.getByLabel(admin.grants.role).selectOption("administrator");
    // A refusal from the API lands next to the field it names, in the chosen language.
    await dialog.getByLabel(admin.users.username).fill("admin");
    await dialog.getByRole("button", { name: admin.users.createSubmit }).click();
    await dialog.getByText(admin.reasons.username.taken).waitFor();
    expect(await dialog.getByLabel(admin.users.username).getAttribute("aria-invalid")).toBe("true");
    await shot("09-username-taken");
    await dialog.getByLabel(admin.users.username).fill(`uusi.yllapitaja.${lang}`);
    await dialog.getByRole("button", { name: admin.users.createSubmit }).click();
    const link = (await dialog.getByTestId("one-time-link").textContent()) ?? "";
    await dialog.getByRole("button", { name: admin.done }).click();

    const theirContext = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const theirPage = await theirContext.newPage();
    await theirPage.goto(link);
    await theirPage.getByLabel(ui.setPassword.password, { exact: true }).fill(NEW_PASSWORD);
    await theirPage.getByLabel(ui.setPassword.repeat).fill(NEW_PASSWORD);
    await theirPage.getByRole("button", { name: ui.setPassword.submit }).click();
    await theirPage.getByRole("link", { name: ui.signIn.submit }).click();
    await theirPage.getByLabel(ui.signIn.username).fill(`uusi.yllapitaja.${lang}`);
    await theirPage.getByLabel(ui.signIn.password, { exact: true }).fill(NEW_PASSWORD);
    await theirPage.getByRole("button", { name: ui.signIn.submit, exact: true }).click();
    const secret = theirPage.getByTestId("totp-secret");
    await secret.waitFor();
    await theirPage.getByRole("img", { name: ui.enrolment.qrLabel }).waitFor();
    await checkA11y(theirPage, "enrolment");
    await shot("09a-totp-enrolment", theirPage);
    const key = ((await secret.textContent()) ?? "").replace(/\s+/g, "");
    await fillTotpCode(theirPage, ui.enrolment.code, key);
    await theirPage.getByRole("button", { name: ui.enrolment.confirm }).click();
    const codes = theirPage.getByRole("list", { name: ui.enrolment.recoveryTitle }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBeGreaterThanOrEqual(8);
    await shot("09b-recovery-codes", theirPage);
    await theirPage.getByRole("button", { name: ui.enrolment.savedContinue }).click();
    await theirPage.getByRole("heading", { level: 1, name: admin.dashboard.title }).waitFor();
    await theirContext.close();
  });

  it("creates an API token, shows it once, and revokes it", async () => {
    await openNav(page, lang, admin.nav.apiTokens);
    await heading(admin.tokens.title).waitFor();
    await page.getByRole("button", { name: admin.tokens.create }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(admin.tokens.name).fill("Puhelutallennin Vantaa");
    await dialog.getByRole("button", { name: admin.tokens.createSubmit }).click();
    const secret = dialog.getByTestId("api-token-secret");
    await secret.waitFor();
    const token = (await secret.textContent()) ?? "";
    expect(token.length).toBeGreaterThanOrEqual(32);
    await shot("09-api-token-created");
    await dialog.getByRole("button", { name: admin.done }).click();

    const row = page.getByRole("row").filter({ hasText: "Puhelutallennin Vantaa" });
    await row.getByText(admin.tokens.active).waitFor();
    await checkA11y(page, "api tokens");
    await row.getByRole("button", { name: admin.tokens.revoke, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: admin.tokens.revoke, exact: true }).click();
    await row.getByText(admin.tokens.revokedAt.split(" {{")[0] ?? "").waitFor();
    // Shown once: after the dialog closed the token is nowhere on the page.
    expect(await page.content()).not.toContain(token);
    await shot("10-api-token-revoked");
  });

  it("keeps unsaved input when the session ends mid-edit", async () => {
    await openNav(page, lang, admin.nav.units);
    await page.getByRole("button", { name: admin.units.create }).click();
    const form = page.getByRole("dialog", { name: admin.units.create });
    await form.getByLabel(admin.units.name).fill(`Oulu, asiakaspalvelu ${lang}`);
    await form.getByLabel(admin.units.code).fill(`OULU-${lang.toUpperCase()}`);
    // The browser loses its session (as after the idle timeout) while the form is unsaved.
    await context.clearCookies();
    await form.getByRole("button", { name: admin.save }).click();
    const signInAgain = page.getByRole("dialog", { name: ui.session.endedTitle });
    await signInAgain.waitFor();
    await checkA11y(page, "session ended");
    await shot("19-session-ended-mid-edit");

    const login = adminLogin(kuulo.demoLogins);
    await signInAgain.getByLabel(ui.signIn.username).fill(login.username);
    await signInAgain.getByLabel(ui.signIn.password, { exact: true }).fill(login.password);
    await signInAgain.getByRole("button", { name: ui.signIn.submit, exact: true }).click();
    await fillTotpCode(signInAgain, ui.secondFactor.code, login.totpSecret ?? "");
    await signInAgain.getByRole("button", { name: ui.secondFactor.submit }).click();
    await signInAgain.waitFor({ state: "detached" });

    expect(await form.getByLabel(admin.units.name).inputValue()).toBe(`Oulu, asiakaspalvelu ${lang}`);
    await form.getByRole("button", { name: admin.save }).click();
    await page.getByRole("cell", { name: `Oulu, asiakaspalvelu ${lang}`, exact: true }).waitFor();
  });

  it("filters the audit log and shows the verifier's status", async () => {
    await openNav(page, lang, admin.nav.audit);
    const status = page.locator('[data-testid="chain-status"][data-chain-ok]');
    await status.waitFor();
    await shot("11a-audit-chain");
    expect(await status.textContent()).toContain(admin.audit.chain.ok);
    expect(await status.getAttribute("data-chain-ok")).toBe("true");
    await page.getByLabel(admin.audit.action).selectOption("user.deactivate");
    await page.getByRole("button", { name: admin.filters.apply }).click();
    await page.waitForURL(/action=user\.deactivate/);
    const rows = page.locator("tbody tr");
    await rows.first().getByText(deactivated).waitFor();
    expect(await rows.count()).toBe(1);
    await checkA11y(page, "audit");
    await shot("11-audit-filtered");

    // Exporting is the privacy officer's right, not the administrator's.
    expect(await page.getByRole("button", { name: admin.audit.export }).count()).toBe(0);

    const opener = rows.first().getByRole("button");
    await opener.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(deactivated).first().waitFor();
    await shot("12-audit-event");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // Focus returns to what opened the dialog.
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it("lets the privacy officer export the filtered audit range as CSV", async () => {
    const officerContext = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const officer = await officerContext.newPage();
    await officer.goto(`${kuulo.baseUrl}/admin/audit?action=user.deactivate`);
    const login = kuulo.login("privacy_officer");
    await signIn(officer, lang, login);
    await officer.getByRole("heading", { level: 1, name: admin.audit.title }).waitFor();
    await officer.locator("tbody tr").first().getByText(deactivated).waitFor();
    const [download] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("button", { name: admin.audit.export }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const lines = (await readFile((await download.path()) ?? "", "utf8")).trim().split(/\r?\n/);
    // A header and exactly the one filtered event.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("user.deactivate");
    await shot("12a-audit-exported", officer);
    await officerContext.close();
  });

  it("shows units, organisations, the register description and my account", async () => {
    const pages: [string, string, string][] = [
      [admin.nav.units, admin.units.title, "13-units"],
      [admin.nav.organisations, admin.organisations.title, "14-organisations"],
      [admin.nav.register, admin.register.title, "15-register"],
      [admin.nav.account, admin.account.title, "16-account"],
    ];
    for (const [nav, title, name] of pages) {
      await openNav(page, lang, nav);
      await heading(title).waitFor();
      await page.getByText(ui.loading).waitFor({ state: "detached" });
      await checkA11y(page, name);
      await shot(name);
    }
  });

  it("shows a processor's people as blocked once its agreement has ended (R9)", async () => {
    await openNav(page, lang, admin.nav.organisations);
    const processor = page.getByRole("row").filter({ hasText: "Koulutuspalvelu Oy" });
    await processor.getByRole("button", { name: admin.edit }).click();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByRole("dialog").getByLabel(admin.organisations.validUntil).fill(yesterday);
    await page.getByRole("dialog").getByRole("button", { name: admin.save }).click();
    await processor.getByText(admin.organisations.states.ended).waitFor();
    await processor.getByRole("link", { name: admin.organisations.seeBlockedUsers }).click();
    const row = page.getByRole("row").filter({ hasText: "ulkoinen.kouluttaja" });
    await row.getByText(admin.users.status.blocked).waitFor();
    await shot("18-users-blocked");
  });

  it("publishes the privacy notice without sign-in", async () => {
    const visitor = await newContext(browser, lang === "fi" ? "fi-FI" : "en-GB");
    const visitorPage = await visitor.newPage();
    const visitorErrors = collectPageErrors(visitorPage);
    await visitorPage.goto(`${kuulo.baseUrl}/admin/privacy`);
    await visitorPage.getByRole("heading", { level: 2 }).first().waitFor();
    expect(await visitorPage.getByRole("heading", { level: 2 }).count()).toBeGreaterThanOrEqual(9);
    await checkA11y(visitorPage, "privacy notice");
    await shot("17-public-privacy-notice", visitorPage);
    expect(visitorErrors).toEqual([]);
    await visitor.close();
  });

  it("raised no CSP refusal or uncaught error", () => {
    expect(errors).toEqual([]);
  });
});
