import { unlockUser } from "../../services/users/unlock.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const unlockProcedure = requirePermission("user.unlock")
  .input(UserId)
  .mutation(({ ctx, input }) => unlockUser({ ctx, input }));
