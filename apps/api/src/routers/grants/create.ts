import { ROLES } from "@kuulo/domain/access";
import { z } from "zod";
import { createGrant } from "../../services/grants/create.js";
import { requirePermission } from "../../trpc/procedures.js";

export const CreateGrantInput = z.object({
  userId: z.uuid("Not a user id"),
  role: z.enum(ROLES),
  unitId: z.uuid("Not a unit id").nullable(),
});

export const createGrantProcedure = requirePermission("grant.create")
  .input(CreateGrantInput)
  .mutation(({ ctx, input }) => createGrant({ ctx, input }));
