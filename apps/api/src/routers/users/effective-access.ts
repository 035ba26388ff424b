import { effectiveAccess } from "../../services/users/effective-access.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const effectiveAccessProcedure = requirePermission("user.read")
  .input(UserId)
  .query(({ ctx, input }) => effectiveAccess({ ctx, input }));
