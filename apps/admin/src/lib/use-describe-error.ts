import type { DomainErrorShape } from "@kuulo/domain/errors";
import { personalDataMessage, reasonText } from "@kuulo/ui";
import { useTranslation } from "react-i18next";

/**
 * The API explains refusals in English with a stable `reason`; customer-data refusals (R4) get the
 * wording both apps share (from the reason alone), other known reasons admin's own `reasons.*`, else the
 * shared texts of @kuulo/ui; anything else keeps the API's specific message.
 */
export function useDescribeError(): (domain: DomainErrorShape) => string {
  const { t, i18n } = useTranslation();
  return (domain) =>
    personalDataMessage(domain.reason, i18n.language) ??
    (domain.reason
      ? t(`reasons.${domain.reason}`, {
          defaultValue: reasonText(domain.reason, i18n.language) ?? domain.message,
        })
      : domain.message);
}
