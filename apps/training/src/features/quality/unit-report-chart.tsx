import type { RouterOutputs } from "@kuulo/api";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth } from "./format-month.js";

type UnitReport = RouterOutputs["quality"]["reports"]["unit"];

/**
 * Average score per month and the score distribution; the tables beside carry the same data. Bars are
 * drawn at once: an animation that starts at zero height shows an empty chart to whoever looks early.
 */
export default function UnitReportChart({ report }: { report: UnitReport }) {
  const { t, i18n } = useTranslation();
  const buckets = report.distribution.map((count, index) => ({
    range: index === 9 ? "90–100" : `${index * 10}–${index * 10 + 9}`,
    count,
  }));
  return (
    <div className="stack">
      <div className="chart" role="img" aria-label={t("quality.trendChart")}>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={report.trend} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(month: string) => formatMonth(month, i18n.language)} />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Bar
              dataKey="averageScore"
              name={t("quality.averageScore")}
              fill="#1f5f8b"
              maxBarSize={80}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="table">
        <caption>{t("quality.trendChart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.month")}</th>
            <th scope="col">{t("quality.evaluations")}</th>
            <th scope="col">{t("quality.averageScore")}</th>
            <th scope="col">{t("quality.passRate")}</th>
          </tr>
        </thead>
        <tbody>
          {report.trend.map((point) => (
            <tr key={point.month}>
              <th scope="row">{formatMonth(point.month, i18n.language)}</th>
              <td>{point.evaluations}</td>
              <td>{point.averageScore ?? "—"}</td>
              <td>{point.passRate === null ? "—" : `${point.passRate} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="chart" role="img" aria-label={t("quality.distributionChart")}>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={buckets} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="range" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={t("quality.evaluations")} fill="#1a7f4b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="table">
        <caption>{t("quality.distributionChart")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("qualityCharts.scoreBucket")}</th>
            <th scope="col">{t("quality.evaluations")}</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.range}>
              <th scope="row">{bucket.range}</th>
              <td>{bucket.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t("quality.weakestCriteria")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.criterion")}</th>
            <th scope="col">{t("quality.averageScore")}</th>
            <th scope="col">{t("quality.answerCount")}</th>
          </tr>
        </thead>
        <tbody>
          {report.weakestCriteria.map((criterion) => (
            <tr key={criterion.criterionKey}>
              <th scope="row">{criterion.title}</th>
              <td>{criterion.average}</td>
              <td>{criterion.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t("quality.reviewerActivity")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("quality.reviewer")}</th>
            <th scope="col">{t("quality.evaluations")}</th>
            <th scope="col">{t("quality.averageScore")}</th>
          </tr>
        </thead>
        <tbody>
          {report.reviewers.map((reviewer) => (
            <tr key={reviewer.userId ?? reviewer.name}>
              <th scope="row">{reviewer.name}</th>
              <td>{reviewer.evaluations}</td>
              <td>{reviewer.averageScore ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
