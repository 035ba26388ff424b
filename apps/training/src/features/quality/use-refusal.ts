import { readDomainError } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { describeRefusal } from "../../lib/personal-data-message.js";

/** A refusal in the reader's language: R4 texts from the domain, quality reasons from this app's strings. */
export function useQualityRefusal(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    const domain = readDomainError(error);
    const reason = domain?.reason;
    if (reason?.startsWith("quality.")) {
      const text = t(`quality.reasons.${reason.slice("quality.".length)}`, { defaultValue: "" });
      if (text) return text;
    }
    return describeRefusal(error, i18n.language, t("error.saveFailed")).message;
  };
}
