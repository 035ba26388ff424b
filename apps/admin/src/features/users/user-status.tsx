import { useTranslation } from "react-i18next";

export type DisplayStatus = "active" | "deactivated" | "locked" | "blocked";

export interface StatusFacts {
  status: "active" | "deactivated";
  lockedUntil: string | null;
}

/** Deactivation wins, then an ended processor agreement (R9), then a sign-in lock-out (R11). */
export function displayStatus(
  user: StatusFacts,
  agreementInForce: boolean | undefined,
  now = new Date(),
): DisplayStatus {
  if (user.status === "deactivated") return "deactivated";
  if (agreementInForce === false) return "blocked";
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return "locked";
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
