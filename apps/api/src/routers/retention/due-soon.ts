import { z } from "zod";
import { retentionDueSoon } from "../../services/retention/due-soon.js";
import { requirePermission } from "../../trpc/procedures.js";

export const RetentionDueSoonInput = z.object({ weeks: z.number().int().min(1).max(104).default(12) });

export const retentionDueSoonProcedure = requirePermission("retention.read")
  .input(RetentionDueSoonInput)
  .query(({ ctx, input }) => retentionDueSoon({ ctx, input }));
