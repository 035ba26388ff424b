import type { ReasonCode } from "@kuulo/domain/errors";
import { personalDataMessage } from "./personal-data-message.js";
import { loadedUiCatalogue } from "./ui-catalogue.js";

/**
 * The shared wording of API refusals, by reason code, for both apps (`reason-texts.fi.ts` /
 * `reason-texts.en.ts`, one chunk per language). An app may word a reason its own way for its screens
 * (admin's `reasons.*` and `disclosures.refusals.*`); these cover the rest.
 */
export type ReasonTexts = Partial<Record<ReasonCode, string>>;

/** The refusal in the reader's language, or undefined when no text exists for the reason. */
export function reasonText(reason: string | undefined, language: string): string | undefined {
  if (!reason) return undefined;
  const catalogue = loadedUiCatalogue(language);
  if (reason.startsWith("password.")) {
    // The password rules are worded once, next to the password field (ui-messages' `password`).
    const passwords = catalogue?.messages.password as Record<string, string> | undefined;
    return passwords?.[reason.slice("password.".length)];
  }
  const personalData = personalDataMessage(reason, language);
  if (personalData !== null) return personalData;
  return catalogue?.reasons[reason as ReasonCode];
}
