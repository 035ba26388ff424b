import type { DomainErrorShape } from "@kuulo/domain/errors";
import {
  findPersonalData,
  PERSONAL_DATA_REASON_TEXTS,
  type PersonalDataReason,
  personalDataReason,
} from "@kuulo/domain/privacy";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

/**
 * Words an API refusal in the chosen language by its `reason`: disclosure/retention reasons from these
 * screens' strings, customer-data refusals (R4) from the domain's own texts, then the app-wide reasons;
 * an unknown reason keeps the API's specific (English) message.
 */
export function useDescribeRefusal(): (domain: DomainErrorShape) => string {
  const { t, i18n } = useTranslation();
  const describeError = useDescribeError();
  return (domain) => {
    const reason = domain.reason;
    if (!reason) return domain.message;
    const personal = PERSONAL_DATA_REASON_TEXTS[reason as PersonalDataReason];
    if (personal) return i18n.language === "fi" ? personal.fi : personal.en;
    const own = t(`disclosures.refusals.${reason}`, { defaultValue: "" });
    return own || describeError(domain);
  };
}

/**
 * The domain's customer-data check (R4) run before sending, worded in the chosen language; null when the
 * text is clean. The API runs the same check and stays the authority.
 */
export function usePersonalDataCheck(): (text: string) => string | null {
  const { i18n } = useTranslation();
  return (text) => {
    const [first] = findPersonalData(text);
    if (!first) return null;
    const texts = PERSONAL_DATA_REASON_TEXTS[personalDataReason(first.kind)];
    return i18n.language === "fi" ? texts.fi : texts.en;
  };
}
