import { z } from "zod";
import { revokeApiToken } from "../../services/api-tokens/revoke.js";
import { requirePermission } from "../../trpc/procedures.js";

export const RevokeApiTokenInput = z.object({ tokenId: z.uuid("Not a token id") });

export const revokeApiTokenProcedure = requirePermission("api_token.revoke")
  .input(RevokeApiTokenInput)
  .mutation(({ ctx, input }) => revokeApiToken({ ctx, input }));
