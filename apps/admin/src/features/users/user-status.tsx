import { useTranslation } from "react-i18next";

export type DisplayStatus = "active" | "deactivated" | "locked" | "blocked";

/** Deactivation wins, then an ended processor agreement (R9), then throttling lock-out (R11). */
export function displayStatus(user: { status: string; locked?: boolean; blocked?: boolean }): DisplayStatus {
  if (user.status === "deactivated") return "deactivated";
  if (user.blocked) return "blocked";
  if (user.locked) return "locked";
  return "active";
}

const TONE: Record<DisplayStatus, string> = {
  active: "badge--success",
  deactivated: "",
  locked: "badge--warning",
  blocked: "badge--danger",
};

export function UserStatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status]}`}>{t(`users.status.${status}`)}</span>;
}
