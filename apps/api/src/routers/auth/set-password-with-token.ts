import { z } from "zod";
import { setPasswordWithToken } from "../../services/auth/set-password-with-token.js";
import { publicProcedure } from "../../trpc/procedures.js";

export const SetPasswordWithTokenInput = z.object({
  token: z.string().regex(/^[a-z2-7]{52}$/, "This link is not valid"),
  newPassword: z.string().min(1, "Enter a new password").max(4096),
});

/** Public: the one-time link itself is the credential. */
export const setPasswordWithTokenProcedure = publicProcedure
  .input(SetPasswordWithTokenInput)
  .mutation(({ ctx, input }) => setPasswordWithToken({ ctx, input }));
