import { dashboardStats } from "../../services/stats/dashboard.js";
import { requirePermission } from "../../trpc/procedures.js";

export const statsDashboardProcedure = requirePermission("stats.read").query(({ ctx }) =>
  dashboardStats({ ctx }),
);
