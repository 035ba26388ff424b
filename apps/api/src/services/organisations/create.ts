import { organisations } from "@kuulo/db/schema";
import { conflict, DomainError } from "@kuulo/domain/errors";
import { isEuEea } from "@kuulo/domain/eu-eea";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type OrganisationView, toOrganisationView } from "./organisation-view.js";

export interface CreateOrganisationInput {
  name: string;
  businessId: string;
  country: string;
  agreementReference: string;
  agreementValidFrom: string;
  agreementValidUntil: string | null;
}

/**
 * Adds a processor: a company acting on the controller's behalf under an agreement (R9), inside the
 * EU/EEA (R7). There is exactly one controller, created at set-up.
 */
export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateOrganisationInput;
}): Promise<OrganisationView> {
  await authorize(ctx, "organisation.create", {}, { type: "organisation", id: null });
  if (!isEuEea(input.country)) {
    throw new DomainError(
      "VALIDATION",
      `${input.country} is outside the EU/EEA; processors must be inside it`,
      {
        field: "country",
        rule: "R7",
        reason: "country.outside_eu_eea",
      },
    );
  }
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organisations)
        .values({
          kind: "processor",
          name: input.name,
          businessId: input.businessId,
          country: input.country,
          agreementReference: input.agreementReference,
          agreementValidFrom: new Date(input.agreementValidFrom),
          agreementValidUntil: input.agreementValidUntil ? new Date(input.agreementValidUntil) : null,
          createdAt: now,
        })
        .returning();
      if (!org) throw new Error("insert returned nothing");
      await audit(tx, ctx, {
        action: "organisation.create",
        outcome: "success",
        targetType: "organisation",
        targetId: org.id,
        details: {
          name: org.name,
          agreementReference: org.agreementReference,
          agreementValidFrom: input.agreementValidFrom,
          agreementValidUntil: input.agreementValidUntil,
        },
      });
      return toOrganisationView(org, now);
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("An organisation with this business id exists already", {
        field: "businessId",
        reason: "organisation.business_id_taken",
      });
    }
    throw error;
  }
}
