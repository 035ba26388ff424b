import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { releaseLegalHold } from "../../services/legal-holds/release.js";
import { requirePermission } from "../../trpc/procedures.js";

export const ReleaseLegalHoldInput = z.object({
  holdIds: z
    .array(z.uuid("Not a legal hold id"))
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "must not repeat a hold"),
  reason: freeText({ max: 500 }),
});

export const releaseLegalHoldProcedure = requirePermission("legal_hold.release")
  .input(ReleaseLegalHoldInput)
  .mutation(({ ctx, input }) => releaseLegalHold({ ctx, input }));
