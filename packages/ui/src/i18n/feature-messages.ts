import type { i18n, ResourceKey } from "i18next";
import { getI18n } from "react-i18next";
import type { Locale } from "./locale.js";

/**
 * One feature's texts in the app's namespace, one chunk per language (the feature's `messages.fi.ts` /
 * `messages.en.ts`), merged into the namespace when a route that shows the feature loads. Top-level keys
 * must not also be in the app-wide catalogue: i18next merges a catalogue over them shallowly.
 */
export interface FeatureMessages {
  readonly load: (locale: Locale) => Promise<ResourceKey>;
}

export function featureMessages(load: (locale: Locale) => Promise<ResourceKey>): FeatureMessages {
  return { load };
}

interface Added {
  features: Set<FeatureMessages>;
  loaded: Map<FeatureMessages, Set<Locale>>;
}

// Keyed by the resource store, not the instance: i18next's clones (`cloneInstance`, which also becomes
// react-i18next's `getI18n()`) share the store, so a page's texts and a switch must meet there.
const addedTo = new WeakMap<object, Added>();

function added(instance: i18n): Added {
  let state = addedTo.get(instance.store);
  if (!state) {
    state = { features: new Set(), loaded: new Map() };
    addedTo.set(instance.store, state);
  }
  return state;
}

async function addIn(instance: i18n, feature: FeatureMessages, locale: Locale): Promise<void> {
  const state = added(instance);
  if (state.loaded.get(feature)?.has(locale)) return;
  const bundle = await feature.load(locale);
  const namespace = [instance.options.defaultNS ?? []].flat()[0];
  if (typeof namespace !== "string") throw new Error("feature texts need the app's default namespace");
  instance.addResourceBundle(locale, namespace, bundle, true, true);
  state.loaded.set(feature, new Set([...(state.loaded.get(feature) ?? []), locale]));
}

/**
 * Adds the features' texts in the current language. They are remembered first, so a language switch
 * that starts meanwhile fetches them in its language too (`loadFeatureMessagesIn`).
 */
export async function addFeatureMessages(
  instance: i18n,
  features: readonly FeatureMessages[],
): Promise<void> {
  const state = added(instance);
  for (const feature of features) state.features.add(feature);
  const locale: Locale = instance.language === "en" ? "en" : "fi";
  await Promise.all(features.map((feature) => addIn(instance, feature, locale)));
}

/** Every feature added so far, in the given language: `switchLanguage` waits for this before switching. */
export async function loadFeatureMessagesIn(instance: i18n, locale: Locale): Promise<boolean> {
  const features = [...added(instance).features];
  const results = await Promise.allSettled(features.map((feature) => addIn(instance, feature, locale)));
  return results.every((result) => result.status === "fulfilled");
}

/**
 * A lazy route's import that resolves only once the features' texts are in as well, so the page's first
 * render is translated. Use with `lazyRouteComponent(withFeatureMessages(() => import(…), texts), …)`.
 */
export function withFeatureMessages<T>(
  load: () => Promise<T>,
  ...features: readonly FeatureMessages[]
): () => Promise<T> {
  return () => Promise.all([load(), addFeatureMessages(getI18n(), features)]).then(([module]) => module);
}
