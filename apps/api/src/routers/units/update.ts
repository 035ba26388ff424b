import { z } from "zod";
import { updateUnit } from "../../services/units/update.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UnitCode, UnitName } from "./schemas.js";

export const UpdateUnitInput = z.object({
  unitId: z.uuid("Not a unit id"),
  code: UnitCode.optional(),
  name: UnitName.optional(),
});

export const updateUnitProcedure = requirePermission("unit.update")
  .input(UpdateUnitInput)
  .mutation(({ ctx, input }) => updateUnit({ ctx, input }));
