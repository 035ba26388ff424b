import { signOut } from "../../services/auth/sign-out.js";
import { publicProcedure } from "../../trpc/procedures.js";

/** Public so that signing out always works, even with an expired or half-finished session. */
export const signOutProcedure = publicProcedure.mutation(({ ctx }) => signOut({ ctx }));
