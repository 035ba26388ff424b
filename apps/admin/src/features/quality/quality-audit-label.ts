import { useCallback } from "react";
import { useTranslation } from "react-i18next";

interface LabelledEvent {
  action: string;
  details: Record<string, unknown>;
}

/**
 * A sentence for the quality switch's audit event, so a privacy officer reads "turned on (kept 730 days)"
 * rather than only an action code and JSON; other events keep their code alone (null).
 */
export function useQualityAuditLabel(): (event: LabelledEvent) => string | null {
  const { t } = useTranslation();
  return useCallback(
    ({ action, details }: LabelledEvent) => {
      if (action !== "quality.settings_update") return null;
      const days = typeof details.retentionDays === "number" ? details.retentionDays : 0;
      if (details.enabled === details.wasEnabled && details.enabled === true) {
        return t("qualityAudit.retentionChanged", { days });
      }
      return details.enabled === true
        ? t("qualityAudit.switchedOn", { days })
        : t("qualityAudit.switchedOff");
    },
    [t],
  );
}
