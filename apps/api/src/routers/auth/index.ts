import { router } from "../../trpc/init.js";
import { meProcedure } from "./me.js";
import { signInProcedure } from "./sign-in.js";
import { signOutProcedure } from "./sign-out.js";

export const authRouter = router({
  signIn: signInProcedure,
  signOut: signOutProcedure,
  me: meProcedure,
});
