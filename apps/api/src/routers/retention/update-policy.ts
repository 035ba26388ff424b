import type { RetentionPolicy } from "@kuulo/domain/retention";
import { z } from "zod";
import { updateRetentionPolicy } from "../../services/retention/update-policy.js";
import { requirePermission } from "../../trpc/procedures.js";

/** Validated by the domain's parseRetentionPolicy in the service (field + R13 in the refusal). */
export const UpdateRetentionPolicyInput = z.custom<RetentionPolicy>(
  (value) => typeof value === "object" && value !== null,
  { message: "Expected { ordinaryDays, trainingDays }" },
);

export const updateRetentionPolicyProcedure = requirePermission("retention.update")
  .input(UpdateRetentionPolicyInput)
  .mutation(({ ctx, input }) => updateRetentionPolicy({ ctx, input }));
