import { retentionPolicy } from "../../services/retention/policy.js";
import { requirePermission } from "../../trpc/procedures.js";

export const retentionPolicyProcedure = requirePermission("retention.read").query(({ ctx }) =>
  retentionPolicy({ ctx }),
);
