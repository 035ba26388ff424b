import { countAxis } from "@kuulo/ui";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ReportPoint = Record<string, string | number | null>;

export interface ReportChartProps {
  /** Also the caption of the table beside the chart that carries the same numbers. */
  label: string;
  kind: "line" | "bar";
  data: readonly ReportPoint[];
  xKey: string;
  yKey: string;
  seriesName: string;
  /** Scores run 0–100; counts get whole-number ticks sized to the data. */
  scale: "score" | "count";
  color?: string;
  /** How an x value reads in the UI language (e.g. a report month). */
  formatX?: (value: string) => string;
}

/**
 * The one chart of the quality reports (a person's and a unit's). Drawn at once: an animation that
 * starts at zero height shows an empty chart to whoever looks early.
 */
export default function ReportChart({
  label,
  kind,
  data,
  xKey,
  yKey,
  seriesName,
  scale,
  color = "#1f5f8b",
  formatX,
}: ReportChartProps) {
  const counts = scale === "count" ? countAxis(data.map((point) => Number(point[yKey] ?? 0))) : null;
  const axis = (
    <YAxis
      allowDecimals={false}
      domain={counts ? counts.domain : [0, 100]}
      {...(counts ? { ticks: counts.ticks } : {})}
    />
  );
  const rows = [...data];
  return (
    <div className="chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        {kind === "line" ? (
          <LineChart data={rows} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={xKey} {...(formatX ? { tickFormatter: formatX } : {})} />
            {axis}
            <Tooltip />
            <Line
              type="monotone"
              dataKey={yKey}
              name={seriesName}
              stroke={color}
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        ) : (
          <BarChart data={rows} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={xKey} {...(formatX ? { tickFormatter: formatX } : {})} />
            {axis}
            <Tooltip />
            <Bar dataKey={yKey} name={seriesName} fill={color} maxBarSize={80} isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
