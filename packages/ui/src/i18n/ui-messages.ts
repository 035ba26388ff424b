import { uiEn } from "./ui-messages.en.js";
import { uiFi } from "./ui-messages.fi.js";

export type { UiMessages } from "./ui-messages.en.js";

/**
 * Both languages of namespace `ui`, for tests and the e2e harness only: the apps load one language at a
 * time through `loadUiCatalogue`, so importing this from app code would put both in the entry chunk.
 */
export const uiMessages = { en: uiEn, fi: uiFi };
