import { EmptyState } from "@kuulo/ui";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="shell__main" id="main">
      <EmptyState title={t("notFound.title")} action={<Link to="/">{t("nav.home")}</Link>}>
        <p>{t("notFound.body")}</p>
      </EmptyState>
    </main>
  );
}
