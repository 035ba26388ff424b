import { z } from "zod";
import { createUnit } from "../../services/units/create.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UnitCode, UnitName } from "./schemas.js";

export const CreateUnitInput = z.object({
  organisationId: z.uuid("Not an organisation id"),
  code: UnitCode,
  name: UnitName,
  parentId: z.uuid("Not a unit id").nullable().default(null),
});

export const createUnitProcedure = requirePermission("unit.create")
  .input(CreateUnitInput)
  .mutation(({ ctx, input }) => createUnit({ ctx, input }));
