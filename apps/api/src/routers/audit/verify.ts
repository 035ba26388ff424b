import { verifyAudit } from "../../services/audit/verify.js";
import { requirePermission } from "../../trpc/procedures.js";

/** A mutation because it writes its own audit row. */
export const verifyAuditProcedure = requirePermission("audit.verify").mutation(({ ctx }) =>
  verifyAudit({ ctx }),
);
