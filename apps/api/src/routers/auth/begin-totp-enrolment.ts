import { beginTotpEnrolment } from "../../services/auth/begin-totp-enrolment.js";
import { requirePermission } from "../../trpc/procedures.js";

/** Allowed in an enrolment-only session (first sign-in of an administrator) and in a full one. */
export const beginTotpEnrolmentProcedure = requirePermission("self.update", {
  stages: ["enrolment", "full"],
}).mutation(({ ctx }) => beginTotpEnrolment({ ctx }));
