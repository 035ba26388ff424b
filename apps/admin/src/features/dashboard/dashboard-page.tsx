import type { RouterOutputs } from "@kuulo/api";
import { ROLES, type Role } from "@kuulo/domain/access";
import { ErrorState, Loading, PageHeader, useCan, useFormat, useMe, useTRPC } from "@kuulo/ui";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

type DashboardStats = RouterOutputs["stats"]["dashboard"];
interface RoleCount {
  role: Role;
  label: string;
  count: number;
  more: boolean;
}

// recharts is large: its own chunk, fetched only when a chart is drawn. The users-by-role figures
// stay as numbers: a chart beside them would only repeat them.
const ActivityCharts = lazy(() =>
  import("./activity-charts.js").then((module) => ({ default: module.ActivityCharts })),
);

// Without stats.read the counts come from the user list, which pages at 100: beyond that "100+".
const ROLE_COUNT_LIMIT = 100;

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
      <QualityNotice />
      {can("stats.read") ? <StatsDashboard /> : can("user.read") ? <UsersByRoleFromList /> : null}
      {!can("user.read") && !can("stats.read") ? <p className="muted">{t("dashboard.nothing")}</p> : null}
    </>
  );
}

/** Quality review is off by default: say why, and where an administrator turns it on. */
function QualityNotice() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const can = useCan();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  if (!settings.data || settings.data.enabled) return null;
  return (
    <div className="alert alert--info quality-notice" role="status">
      <p>{t("dashboard.qualityOff")}</p>
      {can("quality_form.read") ? <Link to="/quality">{t("dashboard.qualityOffLink")}</Link> : null}
    </div>
  );
}

function StatsDashboard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const stats = useQuery(trpc.stats.dashboard.queryOptions());
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => stats.refetch()} />;
  const roles = stats.data.usersByRole.map(({ role, count }) => ({
    role,
    label: t(`roles.${role}`),
    count,
    more: false,
  }));
  return (
    <>
      <Summary stats={stats.data} />
      <UsersByRole data={roles} />
      <Suspense fallback={<Loading />}>
        <ActivityCharts stats={stats.data} />
      </Suspense>
    </>
  );
}

function Summary({ stats }: { stats: DashboardStats }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = [
    { label: t("dashboard.recordings"), value: format.number(stats.storage.recordings) },
    { label: t("dashboard.storageUsed"), value: format.bytes(stats.storage.usedBytes) },
    {
      label: t("dashboard.hours"),
      value: format.number(Math.round(stats.storage.durationMs / 360_000) / 10),
    },
    { label: t("dashboard.overdue"), value: format.number(stats.overdue) },
    { label: t("dashboard.legalHold"), value: format.number(stats.legalHold) },
  ];
  return (
    <section className="stat-grid" aria-label={t("dashboard.summary")}>
      {figures.map((figure) => (
        <div key={figure.label} className="stat">
          <div className="stat__label">{figure.label}</div>
          <div className="stat__value">{figure.value}</div>
        </div>
      ))}
    </section>
  );
}

function UsersByRoleFromList() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const results = useQueries({
    queries: ROLES.map((role) =>
      trpc.users.find.queryOptions({ role, status: "active", limit: ROLE_COUNT_LIMIT }),
    ),
  });
  const failed = results.find((result) => result.isError);
  if (failed) return <ErrorState error={failed.error} />;
  if (results.some((result) => result.isPending)) return <Loading />;
  const data = ROLES.map((role, index) => ({
    role,
    label: t(`roles.${role}`),
    count: results[index]?.data?.items.length ?? 0,
    more: Boolean(results[index]?.data?.nextCursor),
  }));
  return <UsersByRole data={data} />;
}

function UsersByRole({ data }: { data: RoleCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
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
    </section>
  );
}
