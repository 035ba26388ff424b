import { useFormat, useTRPC } from "@kuulo/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { TrendTable } from "./report-tables.js";

/** On My calls, while quality review is on: my scores over time, strong and weak criteria, my evaluations. */
export function MyQualitySection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const settings = useQuery(trpc.qualitySettings.get.queryOptions());
  const enabled = settings.data?.enabled === true;
  const report = useQuery({ ...trpc.quality.reports.employee.queryOptions({ months: 12 }), enabled });
  const list = useQuery({ ...trpc.quality.evaluations.list.queryOptions({ limit: 10 }), enabled });
  if (!enabled || !report.data || !list.data) return null;
  return (
    <section className="section" aria-labelledby="my-quality">
      <h2 id="my-quality">{t("quality.myQuality")}</h2>
      <p className="muted">{t("quality.myQualityIntro", { open: report.data.openDisputes })}</p>
      {report.data.trend.length > 0 ? (
        <TrendTable caption={t("quality.trendChart")} trend={report.data.trend} />
      ) : null}
      {report.data.strongestCriteria.length > 0 ? (
        <p>
          {t("quality.strongest", { list: report.data.strongestCriteria.map((c) => c.title).join(", ") })}
          <br />
          {t("quality.weakest", { list: report.data.weakestCriteria.map((c) => c.title).join(", ") })}
        </p>
      ) : null}
      {list.data.items.length > 0 ? (
        <ul>
          {list.data.items.map((item) => (
            <li key={item.id}>
              <Link to="/my-calls/$recordingId" params={{ recordingId: item.recordingId }}>
                {t("quality.evaluationOfCall", {
                  time: format.dateTime(item.callStartedAt),
                  score: item.score === null ? "—" : format.number(item.score),
                })}
              </Link>
              {item.disputeStatus ? ` — ${t(`quality.disputeShort.${item.disputeStatus}`)}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
