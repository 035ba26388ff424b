import { type Browser, type BrowserContext, chromium } from "playwright-core";
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
 * How long one Playwright action or wait may take before it counts as hung. Tests wait on state; this
 * only bounds a hang, so it is sized for an overloaded machine rather than Playwright's 30 s default.
 */
export const ACTION_HANG_BOUND_MS = 120_000;

/**
 * The system Chromium (never a downloaded one). playwright-core gives every launch its own fresh,
 * temporary user-data-dir, and every `browser.newContext()` its own cookies and storage.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: e2eEnv.chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const bound = (context: BrowserContext) => {
    context.setDefaultTimeout(ACTION_HANG_BOUND_MS);
    context.setDefaultNavigationTimeout(ACTION_HANG_BOUND_MS);
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => bound(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    bound(page.context());
    return page;
  };
  return browser;
}
