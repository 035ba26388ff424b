import { createAccessRequest } from "../../services/disclosures/create-access-request.js";
import { requirePermission } from "../../trpc/procedures.js";
import { AccessRequestRequest } from "./schemas.js";

export const createAccessRequestProcedure = requirePermission("disclosure.create")
  .input(AccessRequestRequest)
  .mutation(({ ctx, input }) => createAccessRequest({ ctx, input }));
