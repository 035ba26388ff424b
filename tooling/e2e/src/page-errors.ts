import type { Page } from "playwright-core";

/**
 * Collects what must never happen in the app: uncaught errors and CSP refusals (a library injecting
 * inline styles or scripts would show up here). Failed API calls are the tests' business.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(text))
      errors.push(`csp: ${text}`);
  });
  return errors;
}
