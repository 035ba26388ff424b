import i18next, { type BackendModule, type i18n, type ResourceKey } from "i18next";
import { initReactI18next } from "react-i18next";
import { loadFeatureMessagesIn } from "./feature-messages.js";
import { detectLocale, type Locale, storedLocale } from "./locale.js";
import { loadUiCatalogue } from "./ui-catalogue.js";

/** The app's own namespace in one language; a dynamic import, so each language is its own chunk. */
export type AppCatalogueLoader = (locale: Locale) => Promise<ResourceKey>;

/**
 * Only the active language's catalogue is fetched: the other loads when the user switches (i18next
 * changes language only once it has arrived, so no key flashes). No fallback language, because a
 * fallback would be fetched too; the apps' message tests keep Finnish and English key-for-key equal.
 */
function catalogueBackend(loadApp: AppCatalogueLoader, appNamespace: string): BackendModule {
  return {
    type: "backend",
    init: () => {},
    read: (language, namespace, callback) => {
      const locale = language === "en" ? "en" : "fi";
      if (namespace !== "ui" && namespace !== appNamespace)
        return callback(new Error(`unknown namespace ${namespace}`), false);
      const load =
        namespace === "ui"
          ? loadUiCatalogue(locale).then((catalogue) => catalogue.messages)
          : loadApp(locale);
      load.then(
        (catalogue) => callback(null, catalogue),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

/**
 * One i18next instance per SPA: the app's namespace plus `ui` (this package's screens). Resolves once
 * the active language is loaded; render after it so the first paint is already translated.
 */
export async function createKuuloI18n(loadApp: AppCatalogueLoader, defaultNS = "app"): Promise<i18n> {
  const instance = i18next.createInstance();
  const lng = detectLocale(storedLocale(), typeof navigator === "undefined" ? [] : navigator.languages);
  const syncDocument = (language: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = language;
  };
  instance.on("languageChanged", syncDocument);
  await instance
    .use(catalogueBackend(loadApp, defaultNS))
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: false,
      supportedLngs: ["fi", "en"],
      load: "currentOnly",
      defaultNS,
      ns: [defaultNS, "ui"],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  syncDocument(instance.language ?? lng);
  return instance;
}

/**
 * Switches only once the language's catalogues and the texts of every feature shown so far are in; if
 * they cannot be fetched (offline, or a new release replaced the chunks) the page stays in its language
 * instead of showing keys. Returns whether it switched. reloadResources, because i18next never retries a read that has failed once.
 */
export async function switchLanguage(instance: i18n, locale: Locale): Promise<boolean> {
  if (instance.language === locale) return true;
  const namespaces = [instance.options.ns ?? []].flat();
  const loaded = () => namespaces.every((namespace) => instance.hasResourceBundle(locale, namespace));
  if (!loaded()) await instance.reloadResources(locale, namespaces);
  if (!loaded()) return false;
  // After the catalogues: they are merged over the namespace shallowly, the feature texts deeply.
  if (!(await loadFeatureMessagesIn(instance, locale))) return false;
  await instance.changeLanguage(locale);
  return true;
}
