import { EmptyState } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t("forbidden.title")} action={<Link to="/">{t("nav.home")}</Link>}>
      <p>{t("forbidden.body")}</p>
    </EmptyState>
  );
}
