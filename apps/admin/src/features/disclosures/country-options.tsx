import { EU_EEA_COUNTRIES } from "@kuulo/domain/eu-eea";
import { useTranslation } from "react-i18next";

/** EU/EEA countries (R7) named in the chosen language, sorted by that name. */
export function CountryOptions() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: "region" });
  return (
    <>
      {[...EU_EEA_COUNTRIES]
        .map((code) => ({ code, name: names.of(code) ?? code }))
        .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
        .map(({ code, name }) => (
          <option key={code} value={code}>
            {name} ({code})
          </option>
        ))}
    </>
  );
}
