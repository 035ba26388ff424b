import { ROLES, type Role } from "@kuulo/domain/access";
import { ErrorState, Loading, PageHeader, useCan, useFormat, useMe, useTRPC } from "@kuulo/ui";
import { useQueries } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useDashboardStats } from "./dashboard-stats.js";

// recharts is large: its own chunk, fetched only when a chart is drawn.
const RoleChart = lazy(() => import("./role-chart.js").then((module) => ({ default: module.RoleChart })));
// The list API pages at 100; beyond that the figure reads "100+" rather than a guess.
const ROLE_COUNT_LIMIT = 100;
const ActivityCharts = lazy(() =>
  import("./activity-charts.js").then((module) => ({ default: module.ActivityCharts })),
);

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.greeting", { name: me.user.firstName })}
      />
      {can("user.read") ? <UsersByRole /> : null}
      {can("stats.read") ? <Activity /> : null}
      {!can("user.read") && !can("stats.read") ? <p className="muted">{t("dashboard.nothing")}</p> : null}
    </>
  );
}

function UsersByRole() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const results = useQueries({
    queries: ROLES.map((role) =>
      trpc.users.find.queryOptions({ role, status: "active", limit: ROLE_COUNT_LIMIT }),
    ),
  });
  const failed = results.find((result) => result.isError);
  if (failed) return <ErrorState error={failed.error} />;
  if (results.some((result) => result.isPending)) return <Loading />;
  const data = ROLES.map((role: Role, index) => ({
    role,
    label: t(`roles.${role}`),
    count: results[index]?.data?.items.length ?? 0,
    more: Boolean(results[index]?.data?.nextCursor),
  }));
  return (
    <section className="card section" aria-labelledby="by-role-title">
      <h2 id="by-role-title">{t("dashboard.usersByRole")}</h2>
      <div className="stat-grid">
        {data.map((entry) => (
          <Link
            key={entry.role}
            className="stat stat--link"
            to="/users"
            search={{ role: entry.role, status: "active" }}
          >
            <div className="stat__label">{entry.label}</div>
            <div className="stat__value">
              {format.number(entry.count)}
              {entry.more ? "+" : ""}
            </div>
          </Link>
        ))}
      </div>
      <Suspense fallback={<Loading />}>
        <RoleChart data={data} />
      </Suspense>
    </section>
  );
}

function Activity() {
  const { t } = useTranslation();
  const stats = useDashboardStats();
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => stats.refetch()} />;
  if (!stats.data) {
    return (
      <section className="card section" aria-labelledby="activity-title">
        <h2 id="activity-title">{t("dashboard.activity")}</h2>
        <p className="muted">{t("dashboard.noStats")}</p>
      </section>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <ActivityCharts stats={stats.data} />
    </Suspense>
  );
}
