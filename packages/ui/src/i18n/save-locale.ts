import type { Locale } from "./locale.js";

interface LooseLocaleClient {
  auth?: { setLocale?: { mutate: (input: { locale: Locale }) => Promise<unknown> } };
}

/**
 * Remembers the language on the account via `auth.setLocale`. Typed loosely on purpose: the
 * procedure is planned but may be missing from the API; then the browser's memory is all there is.
 */
export async function saveLocaleOnAccount(client: unknown, locale: Locale): Promise<void> {
  try {
    await (client as LooseLocaleClient).auth?.setLocale?.mutate({ locale });
  } catch {
    // Not fatal: the choice is already applied and stored in this browser.
  }
}
