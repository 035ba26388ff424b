import { z } from "zod";
import { signIn } from "../../services/auth/sign-in.js";
import { publicProcedure } from "../../trpc/procedures.js";

export const SignInInput = z.object({
  username: z.string().trim().min(1, "Enter your username").max(128),
  // The 1 KiB limit is checked in bytes by the service before hashing; this only bounds the body.
  password: z.string().min(1, "Enter your password").max(4096),
});

export const signInProcedure = publicProcedure
  .input(SignInInput)
  .mutation(({ ctx, input }) => signIn({ ctx, input }));
