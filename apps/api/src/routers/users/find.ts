import { ROLES } from "@kuulo/domain/access";
import { z } from "zod";
import { findUsers } from "../../services/users/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindUsersInput = z.object({
  search: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "deactivated"]).optional(),
  after: z.string().max(64).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const findUsersProcedure = requirePermission("user.read")
  .input(FindUsersInput)
  .query(({ ctx, input }) => findUsers({ ctx, input }));
