import { z } from "zod";
import { revokeGrant } from "../../services/grants/revoke.js";
import { requirePermission } from "../../trpc/procedures.js";

export const RevokeGrantInput = z.object({ grantId: z.uuid("Not a grant id") });

export const revokeGrantProcedure = requirePermission("grant.revoke")
  .input(RevokeGrantInput)
  .mutation(({ ctx, input }) => revokeGrant({ ctx, input }));
