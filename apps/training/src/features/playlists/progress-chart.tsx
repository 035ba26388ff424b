import type { RouterOutputs } from "@kuulo/api";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Assignee = RouterOutputs["playlists"]["progress"]["assignees"][number];

/** Completed and remaining items per assignee, stacked. The table beside it carries the same data. */
export default function ProgressChart({ assignees }: { assignees: Assignee[] }) {
  const { t } = useTranslation();
  const rows = assignees.map((assignee) => ({
    name: assignee.name,
    completed: assignee.itemsCompleted,
    remaining: Math.max(0, assignee.itemsTotal - assignee.itemsCompleted),
  }));
  return (
    <div className="chart progress-chart" role="img" aria-label={t("progressPage.chartLabel")}>
      <ResponsiveContainer width="100%" height={Math.max(160, 48 * rows.length + 60)}>
        <BarChart data={rows} layout="vertical" margin={{ left: 16, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={140} />
          <Tooltip />
          <Legend />
          <Bar dataKey="completed" stackId="items" name={t("progressPage.completedItems")} fill="#1a7f4b" />
          <Bar dataKey="remaining" stackId="items" name={t("progressPage.remainingItems")} fill="#aeb5bf" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
