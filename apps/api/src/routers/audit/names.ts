import { AUDIT_NAMED_TARGET_TYPES } from "@kuulo/domain/audit";
import { z } from "zod";
import { findAuditNames } from "../../services/audit/find-audit-names.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindAuditNamesInput = z.object({
  type: z.enum(AUDIT_NAMED_TARGET_TYPES),
  search: z.string().max(100).optional(),
  id: z.uuid().optional(),
});

/** Names for the audit filters (person, target): people pick by name, the URL keeps the id. */
export const findAuditNamesProcedure = requirePermission("audit.read")
  .input(FindAuditNamesInput)
  .query(({ ctx, input }) => findAuditNames({ ctx, input }));
