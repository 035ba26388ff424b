import { EU_EEA_COUNTRIES } from "@kuulo/domain/eu-eea";
import { useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";

/** EU/EEA countries (R7) named in the chosen language, sorted by that name. */
export function CountryOptions() {
  const { i18n } = useTranslation();
  const format = useFormat();
  return (
    <>
      {[...EU_EEA_COUNTRIES]
        .map((code) => ({ code, name: format.country(code) }))
        .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
        .map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
    </>
  );
}
