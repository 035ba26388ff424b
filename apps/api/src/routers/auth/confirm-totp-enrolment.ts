import { z } from "zod";
import { confirmTotpEnrolment } from "../../services/auth/confirm-totp-enrolment.js";
import { requirePermission } from "../../trpc/procedures.js";

export const ConfirmTotpEnrolmentInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code"),
});

export const confirmTotpEnrolmentProcedure = requirePermission("self.update", {
  stages: ["enrolment", "full"],
})
  .input(ConfirmTotpEnrolmentInput)
  .mutation(({ ctx, input }) => confirmTotpEnrolment({ ctx, input }));
