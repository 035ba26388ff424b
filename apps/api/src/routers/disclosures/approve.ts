import { approveDisclosure } from "../../services/disclosures/approve.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DisclosureIdInput } from "./schemas.js";

export const approveProcedure = requirePermission("disclosure.approve")
  .input(DisclosureIdInput)
  .mutation(({ ctx, input }) => approveDisclosure({ ctx, input }));
