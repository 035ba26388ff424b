import { router } from "../../trpc/init.js";
import { approveRequestProcedure } from "./approve-request.js";
import { createGrantProcedure } from "./create.js";
import { findRequestsProcedure } from "./find-requests.js";
import { refuseRequestProcedure } from "./refuse-request.js";
import { revokeGrantProcedure } from "./revoke.js";

export const grantsRouter = router({
  create: createGrantProcedure,
  revoke: revokeGrantProcedure,
  findRequests: findRequestsProcedure,
  approveRequest: approveRequestProcedure,
  refuseRequest: refuseRequestProcedure,
});
