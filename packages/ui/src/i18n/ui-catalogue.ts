import type { Locale } from "./locale.js";
import type { ReasonTexts } from "./reason-texts.js";
import type { UiMessages } from "./ui-messages.en.js";

/** Namespace `ui` and the shared reason texts of one language. */
export interface UiCatalogue {
  messages: UiMessages;
  reasons: ReasonTexts;
}

const loaded: Partial<Record<Locale, UiCatalogue>> = {};

/**
 * Fetches one language's shared texts, each language its own chunks, so a first visit carries only the
 * language it shows. i18next changes language only after this resolved, so the synchronous lookups
 * below (`reasonText`, `personalDataMessage`) always find the language on screen.
 */
export async function loadUiCatalogue(locale: Locale): Promise<UiCatalogue> {
  const cached = loaded[locale];
  if (cached) return cached;
  const catalogue: UiCatalogue =
    locale === "en"
      ? await Promise.all([import("./ui-messages.en.js"), import("./reason-texts.en.js")]).then(
          ([ui, reasons]) => ({ messages: ui.uiEn, reasons: reasons.reasonTextsEn }),
        )
      : await Promise.all([import("./ui-messages.fi.js"), import("./reason-texts.fi.js")]).then(
          ([ui, reasons]) => ({ messages: ui.uiFi, reasons: reasons.reasonTextsFi }),
        );
  loaded[locale] = catalogue;
  return catalogue;
}

/** The shared texts of a language already loaded; undefined before `loadUiCatalogue` resolved. */
export function loadedUiCatalogue(language: string): UiCatalogue | undefined {
  return loaded[language === "fi" ? "fi" : "en"];
}
