import { refuseListeningRequest } from "../../services/grants/refuse-request.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DecideRequestInput } from "./approve-request.js";

export const refuseRequestProcedure = requirePermission("grant.approve")
  .input(DecideRequestInput)
  .mutation(({ ctx, input }) => refuseListeningRequest({ ctx, input }));
