import type { RouterOutputs } from "@kuulo/api";
import { type DataColumn, DataTable, useFormat } from "@kuulo/ui";
import { useTranslation } from "react-i18next";
import { formatMonth } from "./format-month.js";
import { LazyReportChart } from "./lazy-report-chart.js";

type TrendPoint = RouterOutputs["quality"]["reports"]["unit"]["trend"][number];
type CriterionAverage = RouterOutputs["quality"]["reports"]["employee"]["criteria"][number];
type ReviewerActivity = RouterOutputs["quality"]["reports"]["unit"]["reviewers"][number];
export type ScoreBucket = { range: string; count: number };

const NONE = "—";

/** A report's figures as a table under its visible caption (the same numbers a chart draws). */
function ReportTable<T>({
  caption,
  columns,
  rows,
  getRowId,
}: {
  caption: string;
  columns: DataColumn<T>[];
  rows: readonly T[];
  getRowId: (row: T) => string;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      showCaption
      columns={columns}
      rows={rows}
      getRowId={getRowId}
      empty={{ title: t("personReport.noEvaluations") }}
    />
  );
}

/** Evaluations, average score and pass rate per month: the numbers of the trend chart as text. */
export function TrendTable({ caption, trend }: { caption: string; trend: readonly TrendPoint[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const columns: DataColumn<TrendPoint>[] = [
    {
      id: "month",
      header: t("quality.month"),
      rowHeader: true,
      cell: (point) => formatMonth(point.month, i18n.language),
    },
    { id: "evaluations", header: t("quality.evaluations"), align: "num", cell: (point) => point.evaluations },
    {
      id: "average",
      header: t("quality.averageScore"),
      align: "num",
      cell: (point) => (point.averageScore === null ? NONE : format.number(point.averageScore)),
    },
    {
      id: "passRate",
      header: t("quality.passRate"),
      align: "num",
      cell: (point) => (point.passRate === null ? NONE : `${format.number(point.passRate)} %`),
    },
  ];
  return <ReportTable caption={caption} columns={columns} rows={trend} getRowId={(point) => point.month} />;
}

/** The average score per month drawn (a line for a person, bars for a unit), then as a table. */
export function TrendReport({
  label,
  kind,
  trend,
}: {
  label: string;
  kind: "line" | "bar";
  trend: readonly TrendPoint[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <LazyReportChart
        label={label}
        kind={kind}
        data={trend}
        xKey="month"
        formatX={(month) => formatMonth(month, i18n.language)}
        yKey="averageScore"
        seriesName={t("quality.averageScore")}
        scale="score"
      />
      <TrendTable caption={label} trend={trend} />
    </>
  );
}

export function CriteriaTable({ caption, rows }: { caption: string; rows: readonly CriterionAverage[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: DataColumn<CriterionAverage>[] = [
    { id: "criterion", header: t("quality.criterion"), rowHeader: true, cell: (row) => row.title },
    {
      id: "average",
      header: t("quality.averageScore"),
      align: "num",
      cell: (row) => format.number(row.average),
    },
    { id: "answers", header: t("quality.answerCount"), align: "num", cell: (row) => row.answers },
  ];
  return <ReportTable caption={caption} columns={columns} rows={rows} getRowId={(row) => row.criterionKey} />;
}

export function DistributionTable({
  caption,
  buckets,
}: {
  caption: string;
  buckets: readonly ScoreBucket[];
}) {
  const { t } = useTranslation();
  const columns: DataColumn<ScoreBucket>[] = [
    { id: "range", header: t("qualityCharts.scoreBucket"), rowHeader: true, cell: (bucket) => bucket.range },
    { id: "count", header: t("quality.evaluations"), align: "num", cell: (bucket) => bucket.count },
  ];
  return (
    <ReportTable caption={caption} columns={columns} rows={buckets} getRowId={(bucket) => bucket.range} />
  );
}

export function ReviewersTable({ caption, rows }: { caption: string; rows: readonly ReviewerActivity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns: DataColumn<ReviewerActivity>[] = [
    { id: "reviewer", header: t("quality.reviewer"), rowHeader: true, cell: (row) => row.name },
    { id: "evaluations", header: t("quality.evaluations"), align: "num", cell: (row) => row.evaluations },
    {
      id: "average",
      header: t("quality.averageScore"),
      align: "num",
      cell: (row) => (row.averageScore === null ? NONE : format.number(row.averageScore)),
    },
  ];
  return (
    <ReportTable caption={caption} columns={columns} rows={rows} getRowId={(row) => row.userId ?? row.name} />
  );
}

/** Scores in ten-point ranges, the last one closed at 100. */
export function scoreBuckets(distribution: readonly number[]): ScoreBucket[] {
  return distribution.map((count, index) => ({
    range: index === 9 ? "90–100" : `${index * 10}–${index * 10 + 9}`,
    count,
  }));
}
