import { freeText } from "@kuulo/domain/privacy";
import { revokeDisclosure } from "../../services/disclosures/revoke.js";
import { requirePermission } from "../../trpc/procedures.js";
import { DisclosureIdInput } from "./schemas.js";

export const RevokeDisclosureInput = DisclosureIdInput.extend({
  reason: freeText({ max: 500 }),
});

export const revokeProcedure = requirePermission("disclosure.revoke")
  .input(RevokeDisclosureInput)
  .mutation(({ ctx, input }) => revokeDisclosure({ ctx, input }));
