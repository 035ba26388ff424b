import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { updateOrganisation } from "../../services/organisations/update.js";
import { requirePermission } from "../../trpc/procedures.js";

export const UpdateOrganisationInput = z.object({
  organisationId: z.uuid("Not an organisation id"),
  name: freeText({ max: 200 }).optional(),
  agreementReference: z.string().trim().min(1).max(200).optional(),
  agreementValidFrom: z.iso.datetime({ offset: true, message: "ISO date-time" }).optional(),
  agreementValidUntil: z.iso.datetime({ offset: true, message: "ISO date-time" }).nullable().optional(),
});

export const updateOrganisationProcedure = requirePermission("organisation.update")
  .input(UpdateOrganisationInput)
  .mutation(({ ctx, input }) => updateOrganisation({ ctx, input }));
