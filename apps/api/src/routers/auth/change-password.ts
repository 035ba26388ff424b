import { z } from "zod";
import { changePassword } from "../../services/auth/change-password.js";
import { requirePermission } from "../../trpc/procedures.js";

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(4096),
  newPassword: z.string().min(1, "Enter a new password").max(4096),
});

export const changePasswordProcedure = requirePermission("self.update")
  .input(ChangePasswordInput)
  .mutation(({ ctx, input }) => changePassword({ ctx, input }));
