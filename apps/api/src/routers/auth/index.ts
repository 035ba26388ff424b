import { router } from "../../trpc/init.js";
import { beginTotpEnrolmentProcedure } from "./begin-totp-enrolment.js";
import { changePasswordProcedure } from "./change-password.js";
import { confirmTotpEnrolmentProcedure } from "./confirm-totp-enrolment.js";
import { endSessionProcedure } from "./end-session.js";
import { listSessionsProcedure } from "./list-sessions.js";
import { meProcedure } from "./me.js";
import { setLocaleProcedure } from "./set-locale.js";
import { setPasswordWithTokenProcedure } from "./set-password-with-token.js";
import { signInProcedure } from "./sign-in.js";
import { signOutProcedure } from "./sign-out.js";
import { verifySecondFactorProcedure } from "./verify-second-factor.js";

export const authRouter = router({
  signIn: signInProcedure,
  verifySecondFactor: verifySecondFactorProcedure,
  signOut: signOutProcedure,
  me: meProcedure,
  changePassword: changePasswordProcedure,
  setLocale: setLocaleProcedure,
  listSessions: listSessionsProcedure,
  endSession: endSessionProcedure,
  beginTotpEnrolment: beginTotpEnrolmentProcedure,
  confirmTotpEnrolment: confirmTotpEnrolmentProcedure,
  setPasswordWithToken: setPasswordWithTokenProcedure,
});
