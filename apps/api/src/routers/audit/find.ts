import { z } from "zod";
import { findAuditEvents } from "../../services/audit/find.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AuditFilterInput } from "./schemas.js";

export const FindAuditEventsInput = AuditFilterInput.extend({
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const findAuditEventsProcedure = requirePermission("audit.read")
  .input(FindAuditEventsInput)
  .query(({ ctx, input }) => findAuditEvents({ ctx, input }));
