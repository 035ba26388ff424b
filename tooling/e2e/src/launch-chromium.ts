import { type Browser, chromium } from "playwright-core";
import { e2eEnv } from "./env.js";

/** Flags known to work on these machines (shared/toolchain.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The system Chromium (never a downloaded one). playwright-core gives every launch its own fresh,
 * temporary user-data-dir, and every `browser.newContext()` its own cookies and storage.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: e2eEnv.chromiumPath, args: CHROMIUM_ARGS, headless: true });
}
