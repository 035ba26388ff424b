import type { DomainErrorShape } from "@kuulo/domain/errors";
import { reasonText } from "@kuulo/ui";
import { useTranslation } from "react-i18next";

/**
 * The API explains refusals in English with a stable `reason`; known reasons are worded in the
 * chosen language (admin's own `reasons.*`, else the shared texts of @kuulo/ui), anything else keeps
 * the API's specific message.
 */
export function useDescribeError(): (domain: DomainErrorShape) => string {
  const { t, i18n } = useTranslation();
  return (domain) =>
    domain.reason
      ? t(`reasons.${domain.reason}`, {
          defaultValue: reasonText(domain.reason, i18n.language) ?? domain.message,
        })
      : domain.message;
}
