import { DEFAULT_REGISTER_CONFIG, type Locale } from "./register-config.js";

/**
 * The 2011 register description is Kespro's own text. Another controller (a demo, or an install for
 * another company) must not publish Kespro's name, so its notice says "the controller" in those places;
 * Finnish cannot inflect an arbitrary company name reliably, hence the neutral word, not the name.
 */
const REWRITES: Readonly<Record<Locale, readonly (readonly [RegExp, string])[]>> = {
  fi: [
    [/Kespro Oy:n/g, "rekisterinpitäjän"],
    [/Kespron/g, "rekisterinpitäjän"],
    [/Kespro Oy/g, "rekisterinpitäjä"],
    [/Kespro/g, "rekisterinpitäjä"],
  ],
  en: [
    [/Kespro Oy's/g, "the controller's"],
    [/Kespro's/g, "the controller's"],
    [/Kespro(?: Oy)? and/g, "the controller and"],
    [/Kespro Oy/g, "the controller"],
    [/Kespro/g, "the controller's"],
  ],
};

const startsSentence = (before: string) => before === "" || /[.!?:]\s+$/.test(before);

function rewrite(text: string, locale: Locale): string {
  if (!text.includes("Kespro")) return text;
  return REWRITES[locale].reduce(
    (current, [pattern, by]) =>
      current.replace(pattern, (_match, offset: number, whole: string) =>
        startsSentence(whole.slice(0, offset)) ? by.charAt(0).toUpperCase() + by.slice(1) : by,
      ),
    text,
  );
}

/** Every string of a rendered notice or record, worded for this controller (unchanged for Kespro itself). */
export function forController<T>(value: T, locale: Locale, controllerName: string): T {
  if (controllerName === DEFAULT_REGISTER_CONFIG.controllerName) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return rewrite(node, locale);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
    }
    return node;
  };
  return walk(value) as T;
}
