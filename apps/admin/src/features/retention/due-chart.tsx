import { allZero, countAxis, ErrorState, Loading, useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Recordings coming due per week for 12 weeks (counts only); held recordings are left out. */
export function DueChart() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const due = useQuery(trpc.retention.dueSoon.queryOptions({ weeks: 12 }));
  const data = due.data?.weeks.map((week) => ({ day: format.date(week.weekStart), count: week.count })) ?? [];
  return (
    <section className="card" aria-labelledby="retention-due">
      <h2 id="retention-due">{t("retention.dueTitle")}</h2>
      <p className="muted">{t("retention.dueHint")}</p>
      {due.isPending ? (
        <Loading />
      ) : due.isError ? (
        <ErrorState error={due.error} onRetry={() => due.refetch()} />
      ) : allZero(data.map((week) => week.count)) ? (
        <p>
          {`${t("retention.dueNone")} `}
          {due.data.overdue > 0 ? `${t("retention.overdue", { count: due.data.overdue })} ` : null}
          {t("retention.held", { count: due.data.held })}
        </p>
      ) : (
        <>
          <figure className="chart-box" aria-label={t("retention.dueTitle")}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" tick={{ fontSize: 12 }} />
                <YAxis
                  allowDecimals={false}
                  width={40}
                  tick={{ fontSize: 12 }}
                  domain={countAxis(data.map((week) => week.count)).domain}
                  ticks={countAxis(data.map((week) => week.count)).ticks}
                />
                <Tooltip formatter={(value) => [value, t("retention.count")]} />
                <Bar dataKey="count" name={t("retention.count")} fill="#1f5f8b" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
          {/* The same figures as text, for screen readers and for reading exact counts. */}
          <table className="visually-hidden">
            <caption>{t("retention.dueTitle")}</caption>
            <tbody>
              {data.map((week) => (
                <tr key={week.day}>
                  <th scope="row">{t("retention.week", { day: week.day })}</th>
                  <td>{week.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {due.data.overdue > 0 ? `${t("retention.overdue", { count: due.data.overdue })} ` : null}
            {t("retention.held", { count: due.data.held })}
          </p>
        </>
      )}
    </section>
  );
}
