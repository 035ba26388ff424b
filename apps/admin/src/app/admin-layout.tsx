import { AppShell, AuthGate } from "@kuulo/ui";
import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AdminNav } from "./admin-nav.js";

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <AuthGate appName={t("appName")}>
      <AppShell
        appName={t("appName")}
        nav={<AdminNav />}
        account={(name) => (
          <Link to="/account" className="shell__account">
            {name}
          </Link>
        )}
      >
        <Outlet />
      </AppShell>
    </AuthGate>
  );
}
