import { AppShell, AuthGate, useMe } from "@kuulo/ui";
import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { AdminNav } from "./admin-nav.js";

/** Accounts flagged by the API must choose a new password; the account page is where that happens. */
function PasswordChangeReminder() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.user.mustChangePassword) return null;
  return (
    <div className="alert alert--warning section" role="status">
      {t("account.mustChange")} <Link to="/account">{t("nav.account")}</Link>
    </div>
  );
}

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
        <PasswordChangeReminder />
        <Outlet />
      </AppShell>
    </AuthGate>
  );
}
