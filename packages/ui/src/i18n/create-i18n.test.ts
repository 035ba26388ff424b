import { describe, expect, it } from "vitest";
import { createKuuloI18n, switchLanguage } from "./create-i18n.js";
import type { Locale } from "./locale.js";
import { uiMessages } from "./ui-messages.js";

const catalogues = { fi: { greeting: "Hei {{name}}" }, en: { greeting: "Hello {{name}}" } };

function recordingLoader() {
  const loaded: Locale[] = [];
  const load = async (locale: Locale) => {
    loaded.push(locale);
    return catalogues[locale];
  };
  return { loaded, load };
}

describe("createKuuloI18n", () => {
  it("is ready with the active language only, and fetches the other when the user switches", async () => {
    const { loaded, load } = recordingLoader();
    const i18n = await createKuuloI18n(load, "app");
    const first = i18n.language as Locale;
    const other: Locale = first === "fi" ? "en" : "fi";
    expect(loaded).toEqual([first]);
    expect(i18n.t("greeting", { name: "Aino" })).toBe(catalogues[first].greeting.replace("{{name}}", "Aino"));
    expect(i18n.t("ui:signIn.title")).toBe(uiMessages[first].signIn.title);

    expect(await switchLanguage(i18n, other)).toBe(true);
    expect(loaded).toEqual([first, other]);
    expect(i18n.language).toBe(other);
    expect(i18n.t("greeting", { name: "Aino" })).toBe(catalogues[other].greeting.replace("{{name}}", "Aino"));
    expect(i18n.t("ui:signIn.title")).toBe(uiMessages[other].signIn.title);

    expect(await switchLanguage(i18n, first)).toBe(true);
    expect(loaded).toEqual([first, other]);
  });

  it("stays in its language while the other language cannot be fetched, and switches once it can", async () => {
    let offline = false;
    const { loaded, load } = recordingLoader();
    const i18n = await createKuuloI18n(async (locale) => {
      if (offline) throw new Error("offline");
      return load(locale);
    }, "app");
    const first = i18n.language as Locale;
    const other: Locale = first === "fi" ? "en" : "fi";
    const greeting = () => i18n.t("greeting", { name: "Aino" });

    offline = true;
    expect(await switchLanguage(i18n, other)).toBe(false);
    expect(i18n.language).toBe(first);
    expect(greeting()).toBe(catalogues[first].greeting.replace("{{name}}", "Aino"));

    offline = false;
    expect(await switchLanguage(i18n, other)).toBe(true);
    expect(i18n.language).toBe(other);
    expect(greeting()).toBe(catalogues[other].greeting.replace("{{name}}", "Aino"));
    expect(loaded).toEqual([first, other]);
  });
});
