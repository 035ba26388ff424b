import { type RetentionPolicy, retentionPolicySchema } from "@kuulo/domain/retention";
import { updateRetentionPolicy } from "../../services/retention/update-policy.js";
import { requirePermission } from "../../trpc/procedures.js";
import { validatedInService } from "../../trpc/validated-in-service.js";

/** Validated by the domain's parseRetentionPolicy in the service (field + R13 in the refusal). */
export const UpdateRetentionPolicyInput = validatedInService<RetentionPolicy>(
  retentionPolicySchema,
  "Expected { ordinaryDays, trainingDays }",
);

export const updateRetentionPolicyProcedure = requirePermission("retention.update")
  .input(UpdateRetentionPolicyInput)
  .mutation(({ ctx, input }) => updateRetentionPolicy({ ctx, input }));
