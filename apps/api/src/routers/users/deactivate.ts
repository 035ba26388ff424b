import { deactivateUser } from "../../services/users/deactivate.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const deactivateProcedure = requirePermission("user.deactivate")
  .input(UserId)
  .mutation(({ ctx, input }) => deactivateUser({ ctx, input }));
