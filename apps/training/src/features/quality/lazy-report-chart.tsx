import { Loading } from "@kuulo/ui";
import { lazy, Suspense } from "react";
import type { ReportChartProps } from "./report-chart.js";

// recharts is large: its own chunk, fetched only when a report is drawn.
const ReportChart = lazy(() => import("./report-chart.js"));

export function LazyReportChart(props: ReportChartProps) {
  return (
    <Suspense fallback={<Loading />}>
      <ReportChart {...props} />
    </Suspense>
  );
}
