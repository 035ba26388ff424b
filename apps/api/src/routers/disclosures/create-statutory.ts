import { createStatutoryDisclosure } from "../../services/disclosures/create-statutory.js";
import { requirePermission } from "../../trpc/procedures.js";
import { StatutoryDisclosureRequest } from "./schemas.js";

export const createStatutoryProcedure = requirePermission("disclosure.create")
  .input(StatutoryDisclosureRequest)
  .mutation(({ ctx, input }) => createStatutoryDisclosure({ ctx, input }));
