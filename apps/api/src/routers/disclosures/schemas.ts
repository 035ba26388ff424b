import {
  accessRequestInput,
  statutoryDisclosureInput,
  trainingDisclosureInput,
} from "@kuulo/domain/disclosure";
import { z } from "zod";
import { validatedInService } from "../../trpc/validated-in-service.js";

/**
 * Disclosure inputs are validated by the domain's parse*Input in the service (it needs the clock and
 * names the field and rule in its refusal); here they are only typed for clients.
 */
export const TrainingDisclosureRequest = validatedInService<z.input<typeof trainingDisclosureInput>>(
  trainingDisclosureInput,
  "Expected a training disclosure object",
);

/** recipientCountry: the authority's country, EU/EEA only (R7, assertEuEea in the service); defaults to FI. */
export const StatutoryDisclosureRequest = validatedInService<
  z.input<typeof statutoryDisclosureInput> & { recipientCountry?: string }
>(statutoryDisclosureInput, "Expected a statutory disclosure object");

export const AccessRequestRequest = validatedInService<
  z.input<typeof accessRequestInput> & { recipientCountry?: string }
>(accessRequestInput, "Expected an access request object");

export const DisclosureIdInput = z.object({ disclosureId: z.uuid("Not a disclosure id") });
