import { z } from "zod";
import { findUnits } from "../../services/units/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindUnitsInput = z.object({ organisationId: z.uuid().optional() }).default({});

export const findUnitsProcedure = requirePermission("unit.read")
  .input(FindUnitsInput)
  .query(({ ctx, input }) => findUnits({ ctx, input }));
