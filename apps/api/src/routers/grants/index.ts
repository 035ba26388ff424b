import { router } from "../../trpc/init.js";
import { createGrantProcedure } from "./create.js";
import { revokeGrantProcedure } from "./revoke.js";

export const grantsRouter = router({
  create: createGrantProcedure,
  revoke: revokeGrantProcedure,
});
