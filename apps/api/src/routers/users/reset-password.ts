import { resetPassword } from "../../services/users/reset-password.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const resetPasswordProcedure = requirePermission("user.reset_password")
  .input(UserId)
  .mutation(({ ctx, input }) => resetPassword({ ctx, input }));
