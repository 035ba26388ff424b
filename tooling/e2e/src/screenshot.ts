import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** Saves a full-page PNG to `<app>/e2e/screenshots/<name>.png` (the test's working directory is the app). */
export async function screenshot(
  page: Page,
  name: string,
  dir = join(process.cwd(), "e2e/screenshots"),
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^a-z0-9._-]+/gi, "-")}.png`);
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  return path;
}
