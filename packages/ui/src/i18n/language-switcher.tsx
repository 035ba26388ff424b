import { use, useId } from "react";
import { useTranslation } from "react-i18next";
import { MeContext } from "../session/me-context.js";
import { useTRPCClient } from "../trpc/context.js";
import { switchLanguage } from "./create-i18n.js";
import { isLocale, LOCALES, type Locale, rememberLocale } from "./locale.js";
import { saveLocaleOnAccount } from "./save-locale.js";

const NAMES: Record<Locale, string> = { fi: "Suomi", en: "English" };

/** The choice is remembered in this browser and, when signed in, on the account (auth.setLocale). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation("ui");
  const client = useTRPCClient();
  const me = use(MeContext);
  const id = useId();
  const change = (value: string) => {
    if (!isLocale(value)) return;
    void switchLanguage(i18n, value).then((switched) => {
      if (!switched) return;
      rememberLocale(value);
      if (me) void saveLocaleOnAccount(client, value);
    });
  };
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t("language")}
      </label>
      <select id={id} value={i18n.language} onChange={(event) => change(event.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
