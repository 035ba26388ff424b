import { findApiTokens } from "../../services/api-tokens/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const findApiTokensProcedure = requirePermission("api_token.read").query(({ ctx }) =>
  findApiTokens({ ctx }),
);
