import type { Page } from "playwright-core";

const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const RULE_CODE = /\bR\d{1,2}[a-z]?\b/;

/**
 * Fails when the text a person sees on the page shows an id (a uuid) or a rule code ("R4"): screens
 * speak in names and words, and the rules' numbers belong to the register document, not to running text.
 */
export async function expectNamesOnly(page: Page, context = "page"): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered for people, not hidden nodes' text.
  const text = await page.evaluate(() => document.body.innerText);
  for (const [what, pattern] of [
    ["an id", ID],
    ["a rule code", RULE_CODE],
  ] as const) {
    const match = pattern.exec(text);
    if (match) {
      const around = text.slice(Math.max(0, match.index - 80), match.index + match[0].length + 80);
      throw new Error(`${context} shows ${what} (${match[0]}) on screen: …${around}…`);
    }
  }
}
