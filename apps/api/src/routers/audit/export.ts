import { exportAudit } from "../../services/audit/export.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AuditFilterInput } from "./schemas.js";

/** A mutation (POST): an export is audited, so it must never be triggered by a cross-site GET. */
export const exportAuditProcedure = requirePermission("audit.export")
  .input(AuditFilterInput)
  .mutation(({ ctx, input }) => exportAudit({ ctx, input }));
