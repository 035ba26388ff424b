import { z } from "zod";
import { findLegalHolds } from "../../services/legal-holds/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindLegalHoldsInput = z.object({
  recordingId: z.uuid("Not a recording id").optional(),
  includeReleased: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
});

export const findLegalHoldsProcedure = requirePermission("retention.read")
  .input(FindLegalHoldsInput)
  .query(({ ctx, input }) => findLegalHolds({ ctx, input }));
