import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { placeLegalHold } from "../../services/legal-holds/place.js";
import { requirePermission } from "../../trpc/procedures.js";

export const PlaceLegalHoldInput = z.object({
  recordingIds: z
    .array(z.uuid("Not a recording id"))
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "must not repeat a recording"),
  reason: freeText({ max: 500 }),
  caseReference: freeText({ max: 100 }).optional(),
});

export const placeLegalHoldProcedure = requirePermission("legal_hold.place")
  .input(PlaceLegalHoldInput)
  .mutation(({ ctx, input }) => placeLegalHold({ ctx, input }));
