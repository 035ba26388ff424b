import { employeeReport, unitReport } from "../../services/quality/reports.js";
import { router } from "../../trpc/init.js";
import { qualityProcedure } from "./quality-procedure.js";
import { EmployeeReportInput, UnitReportInput } from "./schemas.js";

export const qualityReportsRouter = router({
  unit: qualityProcedure("evaluation.report")
    .input(UnitReportInput)
    .query(({ ctx, input }) => unitReport({ ctx, input })),
  employee: qualityProcedure("evaluation.report")
    .input(EmployeeReportInput)
    .query(({ ctx, input }) => employeeReport({ ctx, input })),
});
