import { useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { DashboardStats } from "./dashboard-stats.js";

/** Joins the two daily series on their day so they share one time axis. */
function mergeDaily(stats: DashboardStats) {
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
  return (
    <>
      <div className="stat-grid">
        <div className="stat">
          <div className="stat__label">{t("dashboard.storageUsed")}</div>
          <div className="stat__value">{format.bytes(stats.storage.usedBytes)}</div>
        </div>
        <div className="stat">
          <div className="stat__label">{t("dashboard.recordings")}</div>
          <div className="stat__value">{format.number(stats.storage.recordings)}</div>
        </div>
      </div>
      <section className="card section" aria-labelledby="per-day-title">
        <h2 id="per-day-title">{t("dashboard.perDay")}</h2>
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={daily} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={(day: string) => format.date(day)} tickLine={false} />
              <YAxis allowDecimals={false} tickLine={false} />
              <Tooltip labelFormatter={(day) => format.date(String(day))} />
              <Legend />
              <Area
                type="monotone"
                dataKey="recordings"
                name={t("dashboard.recordingsIngested")}
                stroke="#1f5f8b"
                fill="#cfe0ee"
                isAnimationActive={false}
              />
              <Area
                type="monotone"
                dataKey="listens"
                name={t("dashboard.listens")}
                stroke="#1a7f4b"
                fill="#d4efe0"
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </section>
      <section className="card section" aria-labelledby="purge-title">
        <h2 id="purge-title">{t("dashboard.dueForPurge")}</h2>
        <div className="chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={stats.dueForPurge} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tickFormatter={(day: string) => format.date(day)} tickLine={false} />
              <YAxis allowDecimals={false} tickLine={false} />
              <Tooltip labelFormatter={(day) => format.date(String(day))} />
              <Bar
                dataKey="count"
                name={t("dashboard.dueForPurge")}
                fill="#8a5a00"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </section>
    </>
  );
}
