import { useTranslation } from "react-i18next";

export function RoleBadges({ grants }: { grants: { role: string; unitName: string | null }[] }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <span className="muted">{t("users.noRoles")}</span>;
  return (
    <span className="row">
      {grants.map((grant) => (
        <span key={`${grant.role}:${grant.unitName ?? "*"}`} className="badge badge--info">
          {t(`roles.${grant.role}`)} · {grant.unitName ?? t("grants.allUnits")}
        </span>
      ))}
    </span>
  );
}
