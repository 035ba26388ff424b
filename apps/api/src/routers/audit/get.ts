import { z } from "zod";
import { getAuditEvent } from "../../services/audit/get.js";
import { requirePermission } from "../../trpc/procedures.js";

export const GetAuditEventInput = z.object({ seq: z.number().int().positive() });

export const getAuditEventProcedure = requirePermission("audit.read")
  .input(GetAuditEventInput)
  .query(({ ctx, input }) => getAuditEvent({ ctx, input }));
