import { getUser } from "../../services/users/get.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const getUserProcedure = requirePermission("user.read")
  .input(UserId)
  .query(({ ctx, input }) => getUser({ ctx, input }));
