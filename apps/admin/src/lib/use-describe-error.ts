import type { DomainErrorShape } from "@kuulo/domain/errors";
import { useTranslation } from "react-i18next";

/**
 * The API explains refusals in English with a stable `reason`; known reasons are worded in the
 * chosen language, anything else keeps the API's specific message.
 */
export function useDescribeError(): (domain: DomainErrorShape) => string {
  const { t } = useTranslation();
  return (domain) =>
    domain.reason ? t(`reasons.${domain.reason}`, { defaultValue: domain.message }) : domain.message;
}
