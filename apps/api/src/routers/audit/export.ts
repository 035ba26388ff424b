import { exportAudit } from "../../services/audit/export.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AuditExportInput } from "./schemas.js";

/** A mutation (POST): an export is audited, so it must never be triggered by a cross-site GET. */
export const exportAuditProcedure = requirePermission("audit.export")
  .input(AuditExportInput)
  .mutation(({ ctx, input }) => exportAudit({ ctx, input }));
