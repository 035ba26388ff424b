import type {
  accessRequestInput,
  statutoryDisclosureInput,
  trainingDisclosureInput,
} from "@kuulo/domain/disclosure";
import { z } from "zod";

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Disclosure inputs are validated by the domain's parse*Input in the service (it needs the clock and
 * names the field and rule in its refusal); here they are only typed for clients.
 */
export const TrainingDisclosureRequest = z.custom<z.input<typeof trainingDisclosureInput>>(isObject, {
  message: "Expected a training disclosure object",
});

/** recipientCountry: the authority's country, EU/EEA only (R7); defaults to FI. */
export const StatutoryDisclosureRequest = z.custom<
  z.input<typeof statutoryDisclosureInput> & { recipientCountry?: string }
>(isObject, { message: "Expected a statutory disclosure object" });

export const AccessRequestRequest = z.custom<
  z.input<typeof accessRequestInput> & { recipientCountry?: string }
>(isObject, { message: "Expected an access request object" });

export const DisclosureIdInput = z.object({ disclosureId: z.uuid("Not a disclosure id") });
