import { router } from "../../trpc/init.js";
import { createApiTokenProcedure } from "./create.js";
import { findApiTokensProcedure } from "./find.js";
import { revokeApiTokenProcedure } from "./revoke.js";

export const apiTokensRouter = router({
  find: findApiTokensProcedure,
  create: createApiTokenProcedure,
  revoke: revokeApiTokenProcedure,
});
