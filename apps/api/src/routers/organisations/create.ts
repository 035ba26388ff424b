import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { createOrganisation } from "../../services/organisations/create.js";
import { requirePermission } from "../../trpc/procedures.js";

export const CreateOrganisationInput = z.object({
  name: freeText({ max: 200 }),
  businessId: z.string().trim().min(1, "Required").max(40),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "ISO country code, e.g. FI"),
  agreementReference: z.string().trim().min(1, "Required: the processing agreement's reference").max(200),
  agreementValidFrom: z.iso.datetime({ offset: true, message: "ISO date-time, e.g. 2026-01-01T00:00:00Z" }),
  agreementValidUntil: z.iso.datetime({ offset: true, message: "ISO date-time" }).nullable().default(null),
});

export const createOrganisationProcedure = requirePermission("organisation.create")
  .input(CreateOrganisationInput)
  .mutation(({ ctx, input }) => createOrganisation({ ctx, input }));
