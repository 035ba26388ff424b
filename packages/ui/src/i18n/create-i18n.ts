import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { detectLocale, storedLocale } from "./locale.js";
import { uiMessages } from "./ui-messages.js";

/**
 * One i18next instance per SPA. The app passes its own namespaces; `ui` (this package's screens)
 * is merged in. Bundled resources, so initialisation is synchronous and nothing flashes.
 */
export function createKuuloI18n(appResources: Resource, defaultNS = "app"): i18n {
  const instance = i18next.createInstance();
  const lng = detectLocale(storedLocale(), typeof navigator === "undefined" ? [] : navigator.languages);
  const resources: Resource = {
    fi: { ...appResources.fi, ui: uiMessages.fi },
    en: { ...appResources.en, ui: uiMessages.en },
  };
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: "fi",
    supportedLngs: ["fi", "en"],
    defaultNS,
    ns: [defaultNS, "ui"],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const syncDocument = (language: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = language;
  };
  syncDocument(lng);
  instance.on("languageChanged", syncDocument);
  return instance;
}
