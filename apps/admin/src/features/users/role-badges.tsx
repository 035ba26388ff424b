import { useTranslation } from "react-i18next";

export function RoleBadges({
  grants,
  unitLabel,
}: {
  grants: { id: string; role: string; unitId: string | null; unitCode: string | null }[];
  unitLabel: (grant: { unitId: string | null; unitCode: string | null }) => string;
}) {
  const { t } = useTranslation();
  if (grants.length === 0) return <span className="muted">{t("users.noRoles")}</span>;
  return (
    <span className="row row--tight">
      {grants.map((grant) => (
        <span key={grant.id} className="badge badge--info">
          {t(`roles.${grant.role}`)} · {unitLabel(grant)}
        </span>
      ))}
    </span>
  );
}
