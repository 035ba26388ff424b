import { closeDisclosure } from "../../services/disclosures/close.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DisclosureIdInput } from "./schemas.js";

/** Ending a case is withdrawing the disclosure's effect (its holds), hence disclosure.revoke. */
export const closeProcedure = requirePermission("disclosure.revoke")
  .input(DisclosureIdInput)
  .mutation(({ ctx, input }) => closeDisclosure({ ctx, input }));
