import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { createApiToken } from "../../services/api-tokens/create.js";
import { requirePermission } from "../../trpc/procedures.js";

export const CreateApiTokenInput = z.object({
  name: freeText({ max: 100, required: "Name the system that will use the token" }),
  expiresAt: z.iso.datetime({ offset: true, message: "ISO date-time" }).nullable().default(null),
});

export const createApiTokenProcedure = requirePermission("api_token.create")
  .input(CreateApiTokenInput)
  .mutation(({ ctx, input }) => createApiToken({ ctx, input }));
