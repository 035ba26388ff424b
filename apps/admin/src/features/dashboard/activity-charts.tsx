import type { RouterOutputs } from "@kuulo/api";
import { allZero, countAxis, useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type DashboardStats = RouterOutputs["stats"]["dashboard"];

/** Joins the two daily series on their day so they share one time axis. */
export function mergeDaily(stats: Pick<DashboardStats, "recordingsPerDay" | "listensPerDay">) {
  const days = new Map<string, { day: string; recordings: number; listens: number }>();
  for (const { day, count } of stats.recordingsPerDay) days.set(day, { day, recordings: count, listens: 0 });
  for (const { day, count } of stats.listensPerDay) {
    const entry = days.get(day) ?? { day, recordings: 0, listens: 0 };
    entry.listens = count;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export function ActivityCharts({ stats }: { stats: DashboardStats }) {
  const { t } = useTranslation();
  const format = useFormat();
  const daily = mergeDaily(stats);
  const dailyCounts = daily.flatMap((entry) => [entry.recordings, entry.listens]);
  const dailyAxis = countAxis(dailyCounts);
  const dueAxis = countAxis(stats.dueForPurge.map((week) => week.count));
  return (
    <>
      <section className="card section" aria-labelledby="per-day-title">
        <h2 id="per-day-title">{t("dashboard.perDay")}</h2>
        {allZero(dailyCounts) ? (
          <p>{t("charts.noActivity", { days: daily.length })}</p>
        ) : (
          <div className="chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={daily} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="day"
                  tickFormatter={(day: string) => format.date(day)}
                  tickLine={false}
                  minTickGap={24}
                />
                <YAxis
                  allowDecimals={false}
                  tickLine={false}
                  domain={dailyAxis.domain}
                  ticks={dailyAxis.ticks}
                />
                <Tooltip labelFormatter={(day) => format.date(String(day))} />
                <Legend />
                <Bar
                  dataKey="recordings"
                  name={t("dashboard.recordingsIngested")}
                  fill="#1f5f8b"
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="listens"
                  name={t("dashboard.listens")}
                  fill="#1a7f4b"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
      <section className="card section" aria-labelledby="purge-title">
        <h2 id="purge-title">{t("dashboard.dueForPurge")}</h2>
        <p className="muted">{t("dashboard.dueForPurgeHint")}</p>
        {stats.dueForPurge.every((week) => week.count === 0) ? (
          <p>{t("dashboard.nothingDue", { weeks: stats.dueForPurge.length })}</p>
        ) : (
          <div className="chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={stats.dueForPurge} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="day"
                  tickFormatter={(day: string) => format.date(day)}
                  tickLine={false}
                  minTickGap={24}
                />
                <YAxis allowDecimals={false} tickLine={false} domain={dueAxis.domain} ticks={dueAxis.ticks} />
                <Tooltip
                  labelFormatter={(day) => t("dashboard.weekStarting", { day: format.date(String(day)) })}
                />
                <Bar
                  dataKey="count"
                  name={t("dashboard.dueForPurge")}
                  fill="#8a5a00"
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
    </>
  );
}
