import { AppShell, AuthGate } from "@kuulo/ui";
import { Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { TrainingNav } from "./training-nav.js";

export function TrainingLayout() {
  const { t } = useTranslation();
  return (
    <AuthGate appName={t("appName")}>
      <AppShell appName={t("appName")} nav={<TrainingNav />}>
        <Outlet />
      </AppShell>
    </AuthGate>
  );
}
