import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { switchLanguage } from "./create-i18n.js";
import { isLocale, rememberLocale, storedLocale } from "./locale.js";

/** On a browser with no remembered choice, the account's saved language applies. */
export function useAdoptUserLocale(userLocale: string | null | undefined): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!isLocale(userLocale) || storedLocale() !== null) return;
    rememberLocale(userLocale);
    void switchLanguage(i18n, userLocale);
  }, [userLocale, i18n]);
}
