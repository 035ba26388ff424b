import type { RouterOutputs } from "@kuulo/api";
import { useTranslation } from "react-i18next";
import { LazyReportChart } from "./lazy-report-chart.js";
import {
  CriteriaTable,
  DistributionTable,
  ReviewersTable,
  scoreBuckets,
  TrendReport,
} from "./report-tables.js";

type UnitReportData = RouterOutputs["quality"]["reports"]["unit"];

/** Average score per month and the score distribution, each chart with its numbers in a table. */
export function UnitReport({ report }: { report: UnitReportData }) {
  const { t } = useTranslation();
  const buckets = scoreBuckets(report.distribution);
  return (
    <div className="stack">
      <TrendReport label={t("quality.trendChart")} kind="bar" trend={report.trend} />
      <LazyReportChart
        label={t("quality.distributionChart")}
        kind="bar"
        data={buckets}
        xKey="range"
        yKey="count"
        seriesName={t("quality.evaluations")}
        scale="count"
        color="#1a7f4b"
      />
      <DistributionTable caption={t("quality.distributionChart")} buckets={buckets} />
      <CriteriaTable caption={t("quality.weakestCriteria")} rows={report.weakestCriteria} />
      <ReviewersTable caption={t("quality.reviewerActivity")} rows={report.reviewers} />
    </div>
  );
}
