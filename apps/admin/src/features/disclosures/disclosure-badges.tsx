import type { DisclosureStatus } from "@kuulo/domain/disclosure";
import { useTranslation } from "react-i18next";

const TONE: Partial<Record<DisclosureStatus, string>> = {
  active: "badge--success",
  pending_approval: "badge--warning",
  draft: "badge--warning",
};

export function DisclosureStatusBadge({ status }: { status: DisclosureStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? ""}`}>{t(`disclosures.status.${status}`)}</span>;
}

/** The one line that says who or what received a disclosure, whatever its kind. */
export function recipientOf(kind: string, fields: Record<string, unknown>): string {
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : "");
  if (kind === "training") return `${text("recipientName")}, ${text("recipientOrganisation")}`;
  if (kind === "statutory") return `${text("authority")} (${text("caseReference")})`;
  return text("requesterName");
}
