import { useTranslation } from "react-i18next";

interface Awaiting {
  id: string;
  kind: "grant" | "password_link";
  role: string | null;
  unitId: string | null;
  unitCode: string | null;
}

export function RoleBadges({
  grants,
  awaiting = [],
  unitLabel,
}: {
  grants: { id: string; role: string; unitId: string | null; unitCode: string | null }[];
  /** Listening roles asked for the person that a second person has not approved yet (R10). */
  awaiting?: Awaiting[];
  unitLabel: (grant: { unitId: string | null; unitCode: string | null }) => string;
}) {
  const { t } = useTranslation();
  const pendingRoles = awaiting.filter((request) => request.kind === "grant");
  if (grants.length === 0 && pendingRoles.length === 0)
    return <span className="muted">{t("users.noRoles")}</span>;
  return (
    <span className="row row--tight">
      {grants.map((grant) => (
        <span key={grant.id} className="badge badge--info">
          {t(`roles.${grant.role}`)} · {unitLabel(grant)}
        </span>
      ))}
      {pendingRoles.map((request) => (
        <span key={request.id} className="badge badge--warning" data-testid="awaiting-approval">
          {t(`roles.${request.role ?? "employee"}`)} · {unitLabel(request)} · {t("approvals.awaiting")}
        </span>
      ))}
    </span>
  );
}
