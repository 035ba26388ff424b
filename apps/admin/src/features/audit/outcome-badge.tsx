import { useTranslation } from "react-i18next";

const OUTCOME_TONE: Record<string, string> = {
  success: "badge--success",
  failure: "badge--warning",
  denied: "badge--danger",
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${OUTCOME_TONE[outcome] ?? ""}`}>{t(`audit.outcomes.${outcome}`)}</span>;
}
