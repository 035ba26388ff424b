import { router } from "../../trpc/init.js";
import { createUserProcedure } from "./create.js";
import { deactivateProcedure } from "./deactivate.js";
import { effectiveAccessProcedure } from "./effective-access.js";
import { endSessionsProcedure } from "./end-sessions.js";
import { findUsersProcedure } from "./find.js";
import { getUserProcedure } from "./get.js";
import { reactivateProcedure } from "./reactivate.js";
import { resetPasswordProcedure } from "./reset-password.js";
import { unlockProcedure } from "./unlock.js";
import { updateUserProcedure } from "./update.js";

export const usersRouter = router({
  find: findUsersProcedure,
  get: getUserProcedure,
  create: createUserProcedure,
  update: updateUserProcedure,
  deactivate: deactivateProcedure,
  reactivate: reactivateProcedure,
  unlock: unlockProcedure,
  resetPassword: resetPasswordProcedure,
  endSessions: endSessionsProcedure,
  effectiveAccess: effectiveAccessProcedure,
});
