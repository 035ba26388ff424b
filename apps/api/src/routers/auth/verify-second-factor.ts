import { z } from "zod";
import { verifySecondFactor } from "../../services/auth/verify-second-factor.js";
import { requirePermission } from "../../trpc/procedures.js";

export const VerifySecondFactorInput = z.object({ code: z.string().trim().min(6, "Enter the code").max(64) });

/** Only a session waiting for its second factor may call this. */
export const verifySecondFactorProcedure = requirePermission("self.update", { stages: ["second_factor"] })
  .input(VerifySecondFactorInput)
  .mutation(({ ctx, input }) => verifySecondFactor({ ctx, input }));
