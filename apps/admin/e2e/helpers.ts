import { type DemoLogin, signInAs } from "@kuulo/e2e";
import { uiMessages } from "@kuulo/ui/messages";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { allMessagesEn as en, allMessagesFi as fi } from "../src/i18n/all-messages.js";

export type Lang = "en" | "fi";

/** The app's own strings, so tests find controls by their visible, translated labels. */
export function texts(lang: Lang) {
  return { ui: uiMessages[lang], admin: lang === "fi" ? fi : en };
}

/** Password, then the TOTP step; enrols first when the API asks for it (see @kuulo/e2e signInAs). */
export async function signIn(
  page: Page,
  lang: Lang,
  login: { username: string; password: string; totpSecret?: string },
) {
  await signInAs(page, texts(lang).ui, login);
}

export function adminLogin(logins: DemoLogin[]): DemoLogin {
  const login = logins.find((candidate) => candidate.role === "administrator");
  if (!login) throw new Error("no administrator in the demo banner");
  return login;
}

export async function openNav(page: Page, lang: Lang, label: string) {
  const { ui } = texts(lang);
  await page
    .getByRole("navigation", { name: ui.mainNavigation })
    .getByRole("link", { name: label, exact: true })
    .click();
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}

/**
 * A fresh browser profile context in the language's locale. Generous timeouts: the API and Chromium
 * share two cores with other test runs, and a slow answer is not a failure of the app.
 */
export async function newContext(browser: Browser, locale: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 } });
  context.setDefaultTimeout(60_000);
  return context;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** A date (and time) as a person of that language types it into a date field (this machine's zone). */
export function typedDate(lang: Lang, date: Date, withTime = false): string {
  const day =
    lang === "fi"
      ? `${date.getDate()}.${date.getMonth() + 1}.${date.getFullYear()}`
      : `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
  if (!withTime) return day;
  return lang === "fi"
    ? `${day} klo ${date.getHours()}.${pad(date.getMinutes())}`
    : `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
