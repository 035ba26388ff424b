import { reactivateUser } from "../../services/users/reactivate.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const reactivateProcedure = requirePermission("user.deactivate")
  .input(UserId)
  .mutation(({ ctx, input }) => reactivateUser({ ctx, input }));
