import type { DomainErrorShape } from "@kuulo/domain/errors";
import { useTranslation } from "react-i18next";
import { useDescribeError } from "../../lib/use-describe-error.js";

/**
 * Words an API refusal in the chosen language by its `reason`: disclosure/retention reasons from these
 * screens' strings, then the app-wide wording (customer-data refusals, R4, included); an unknown
 * reason keeps the API's specific (English) message.
 */
export function useDescribeRefusal(): (domain: DomainErrorShape) => string {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  return (domain) => {
    const reason = domain.reason;
    if (!reason) return domain.message;
    const own = t(`disclosures.refusals.${reason}`, { defaultValue: "" });
    return own || describeError(domain);
  };
}
