import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DemoLogin, type RunningKuulo, signInAs, trpcCall } from "@kuulo/e2e";
import { uiMessages } from "@kuulo/ui/messages";
import type { Page } from "playwright-core";
import { allMessagesEn as en, allMessagesFi as fi } from "../src/i18n/all-messages.js";

export type Lang = "en" | "fi";

// Kept here for the files that import it from the helpers.
export { trpcCall };

/** The app's own strings, so tests find controls by their visible, translated labels. */
export function texts(lang: Lang) {
  return { ui: uiMessages[lang], tr: lang === "fi" ? fi : en };
}

/** Password, then the TOTP step (see @kuulo/e2e signInAs). */
export async function signIn(
  page: Page,
  lang: Lang,
  login: { username: string; password: string; totpSecret?: string },
) {
  await signInAs(page, texts(lang).ui, login);
}

export function loginOf(kuulo: RunningKuulo, username: string): DemoLogin {
  const login = kuulo.demoLogins.find((candidate) => candidate.username === username);
  if (!login) throw new Error(`no demo login ${username}; banner:\n${kuulo.output()}`);
  return login;
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
