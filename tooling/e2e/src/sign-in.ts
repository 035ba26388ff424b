import type { Locator, Page } from "playwright-core";
import { nextTotpCode, secondsLeftInWindow } from "./totp-code.js";

/** The shared sign-in screens' labels (@kuulo/ui's `ui` messages in the page's language). */
export interface SignInLabels {
  signIn: { username: string; password: string; submit: string };
  secondFactor: { code: string; submit: string };
  enrolment: { code: string; confirm: string; savedContinue: string };
  mainNavigation: string;
}

/**
 * Signs in through the page as a person does: password, then the TOTP step, enrolling first when the API
 * asks for it (reading the manual key). Resolves when the app's main navigation shows.
 */
export async function signInAs(
  page: Page,
  ui: SignInLabels,
  login: { username: string; password: string; totpSecret?: string },
): Promise<void> {
  await page.getByLabel(ui.signIn.username).fill(login.username);
  await page.getByLabel(ui.signIn.password, { exact: true }).fill(login.password);
  await page.getByRole("button", { name: ui.signIn.submit, exact: true }).click();
  const secondFactor = page.getByLabel(ui.secondFactor.code, { exact: true });
  const enrolment = page.getByTestId("totp-secret");
  const signedIn = page.getByRole("navigation", { name: ui.mainNavigation });
  await secondFactor
    .or(enrolment)
    .or(signedIn)
    .first()
    .waitFor()
    .catch(async (error) => {
      const text = ((await page.locator("body").textContent()) ?? "").slice(0, 600);
      throw new Error(`sign-in of ${login.username} did not finish; page says: ${text}\n${error}`);
    });
  if (await secondFactor.isVisible()) {
    if (!login.totpSecret) throw new Error(`${login.username} has no TOTP secret`);
    await fillTotpCode(page, ui.secondFactor.code, login.totpSecret);
    await page.getByRole("button", { name: ui.secondFactor.submit }).click();
  } else if (await enrolment.isVisible()) {
    const secret = (await enrolment.textContent())?.replace(/\s+/g, "") ?? "";
    await fillTotpCode(page, ui.enrolment.code, secret);
    await page.getByRole("button", { name: ui.enrolment.confirm }).click();
    await page.getByRole("button", { name: ui.enrolment.savedContinue }).click();
  }
  await signedIn.waitFor();
}

/**
 * Types the next TOTP code into the field labelled `label` (in a page or a dialog), first waiting out the
 * end of a window so the code cannot expire between typing and checking.
 */
export async function fillTotpCode(scope: Page | Locator, label: string, secret: string): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.waitFor();
  const left = secondsLeftInWindow();
  if (left < 4) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
  await field.fill(await nextTotpCode(secret));
}
