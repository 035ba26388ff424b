import { getDisclosure } from "../../services/disclosures/get.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DisclosureIdInput } from "./schemas.js";

export const getDisclosureProcedure = requirePermission("disclosure.read")
  .input(DisclosureIdInput)
  .query(({ ctx, input }) => getDisclosure({ ctx, input }));
