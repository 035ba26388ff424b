import { router } from "../../trpc/init.js";
import { statsDashboardProcedure } from "./dashboard.js";

export const statsRouter = router({
  dashboard: statsDashboardProcedure,
});
