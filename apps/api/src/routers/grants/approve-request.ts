import { z } from "zod";
import { approveListeningRequest } from "../../services/grants/approve-request.js";
import { requirePermission } from "../../trpc/procedures.js";

export const DecideRequestInput = z.object({ requestId: z.uuid("Not a request id") });

export const approveRequestProcedure = requirePermission("grant.approve")
  .input(DecideRequestInput)
  .mutation(({ ctx, input }) => approveListeningRequest({ ctx, input }));
