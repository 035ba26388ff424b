import type { AppCatalogueLoader } from "@kuulo/ui";

/** Namespace `admin` in one language, as its own chunk: a first visit loads only the language it shows. */
export const loadAdminCatalogue: AppCatalogueLoader = (locale) =>
  locale === "en"
    ? import("./en.js").then((module) => module.en)
    : import("./fi.js").then((module) => module.fi);
