import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DemoLogin, nextTotpCode, type RunningKuulo, secondsLeftInWindow } from "@kuulo/e2e";
import { uiMessages } from "@kuulo/ui/messages";
import type { Page } from "playwright-core";
import { allMessagesEn as en, allMessagesFi as fi } from "../src/i18n/all-messages.js";

export type Lang = "en" | "fi";

/** The app's own strings, so tests find controls by their visible, translated labels. */
export function texts(lang: Lang) {
  return { ui: uiMessages[lang], tr: lang === "fi" ? fi : en };
}

export async function signIn(
  page: Page,
  lang: Lang,
  login: { username: string; password: string; totpSecret?: string },
) {
  const { ui } = texts(lang);
  await page.getByLabel(ui.signIn.username).fill(login.username);
  await page.getByLabel(ui.signIn.password, { exact: true }).fill(login.password);
  await page.getByRole("button", { name: ui.signIn.submit, exact: true }).click();
  const secondFactor = page.getByLabel(ui.secondFactor.code, { exact: true });
  const signedIn = page.getByRole("navigation", { name: ui.mainNavigation });
  await secondFactor
    .or(signedIn)
    .first()
    .waitFor()
    .catch(async (error) => {
      const text = ((await page.locator("body").textContent()) ?? "").slice(0, 600);
      throw new Error(`sign-in of ${login.username} did not finish; page says: ${text}\n${error}`);
    });
  if (await secondFactor.isVisible()) {
    if (!login.totpSecret) throw new Error(`${login.username} has no TOTP secret`);
    if (secondsLeftInWindow() < 4) await page.waitForTimeout(secondsLeftInWindow() * 1000 + 200);
    await secondFactor.fill(await nextTotpCode(login.totpSecret));
    await page.getByRole("button", { name: ui.secondFactor.submit }).click();
  }
  await signedIn.waitFor();
}

export function loginOf(kuulo: RunningKuulo, username: string): DemoLogin {
  const login = kuulo.demoLogins.find((candidate) => candidate.username === username);
  if (!login) throw new Error(`no demo login ${username}; banner:\n${kuulo.output()}`);
  return login;
}

/** Calls a tRPC procedure from inside the page (same origin, session cookie), as the SPA does. */
export async function trpcCall<T>(
  page: Page,
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  return page.evaluate(
    async ({ path, input, kind }) => {
      const url =
        kind === "query"
          ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`
          : `/trpc/${path}`;
      const response = await fetch(url, {
        method: kind === "query" ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        ...(kind === "mutation" ? { body: JSON.stringify(input) } : {}),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body.result.data;
    },
    { path, input, kind },
  ) as Promise<T>;
}

const DEMO_DIR = fileURLToPath(new URL("../../api/demo-data/", import.meta.url));

/**
 * The demo calls, for runs where the API's demo seed has not imported them: ingested through the
 * real endpoint with a machine token created by the administrator (R5), exactly as the recording
 * system would send them.
 */
export async function ensureDemoRecordings(kuulo: RunningKuulo, adminPage: Page): Promise<void> {
  const count = await trpcCall<{ count?: number; total?: number }>(
    adminPage,
    "recordings.count",
    {},
    "query",
  ).catch(() => null);
  if (count && (count.count ?? count.total ?? 0) > 0) return;
  const { token } = await trpcCall<{ token: string }>(
    adminPage,
    "apiTokens.create",
    { name: "e2e recording system" },
    "mutation",
  );
  const lines = (await readFile(join(DEMO_DIR, "manifest.jsonl"), "utf8")).split("\n").filter(Boolean);
  for (const line of lines) {
    const { file, ...metadata } = JSON.parse(line) as { file: string } & Record<string, unknown>;
    const form = new FormData();
    form.append("metadata", JSON.stringify(metadata));
    form.append("audio", new Blob([await readFile(join(DEMO_DIR, file))]), file);
    const response = await fetch(`${kuulo.baseUrl}/ingest/v1/recordings`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    if (response.status !== 201 && response.status !== 200 && response.status !== 409) {
      throw new Error(`ingest of ${file}: ${response.status} ${await response.text()}`);
    }
  }
}
