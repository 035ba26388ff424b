import type { RouterOutputs } from "@kuulo/api";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth } from "./format-month.js";

type Trend = RouterOutputs["quality"]["reports"]["employee"]["trend"];

/** One person's average score per month; the table under it carries the same numbers. */
export default function EmployeeReportChart({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack">
      <div className="chart" role="img" aria-label={t("personReport.trendChart")}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={trend} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(month: string) => formatMonth(month, i18n.language)} />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="averageScore"
              name={t("quality.averageScore")}
              stroke="#1f5f8b"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="table">
        <caption>{t("personReport.trendChart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.month")}</th>
            <th scope="col">{t("quality.evaluations")}</th>
            <th scope="col">{t("quality.averageScore")}</th>
            <th scope="col">{t("quality.passRate")}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.month}>
              <th scope="row">{formatMonth(point.month, i18n.language)}</th>
              <td>{point.evaluations}</td>
              <td>{point.averageScore ?? "—"}</td>
              <td>{point.passRate === null ? "—" : `${point.passRate} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
