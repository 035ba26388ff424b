import { organisations } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type OrganisationView, toOrganisationView } from "./organisation-view.js";

export interface UpdateOrganisationInput {
  organisationId: string;
  name?: string | undefined;
  agreementReference?: string | undefined;
  agreementValidFrom?: string | undefined;
  agreementValidUntil?: string | null | undefined;
}

/** Renames an organisation or changes a processor's agreement; R9 applies from the next request. */
export async function updateOrganisation({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UpdateOrganisationInput;
}): Promise<OrganisationView> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, input.organisationId));
  if (!org) throw notFound("Organisation");
  await authorize(ctx, "organisation.update", {}, { type: "organisation", id: org.id });
  const touchesAgreement =
    input.agreementReference !== undefined ||
    input.agreementValidFrom !== undefined ||
    input.agreementValidUntil !== undefined;
  if (org.kind === "controller" && touchesAgreement) {
    throw new DomainError("VALIDATION", "The controller has no processor agreement", {
      field: "agreementReference",
      rule: "R9",
      reason: "organisation.controller_agreement",
    });
  }
  const from =
    input.agreementValidFrom !== undefined ? new Date(input.agreementValidFrom) : org.agreementValidFrom;
  const until =
    input.agreementValidUntil !== undefined
      ? input.agreementValidUntil === null
        ? null
        : new Date(input.agreementValidUntil)
      : org.agreementValidUntil;
  if (from && until && until.getTime() < from.getTime()) {
    throw new DomainError("VALIDATION", "The agreement cannot end before it starts", {
      field: "agreementValidUntil",
      rule: "R9",
      reason: "agreement.window",
    });
  }
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.agreementReference !== undefined ? { agreementReference: input.agreementReference } : {}),
    ...(input.agreementValidFrom !== undefined ? { agreementValidFrom: from } : {}),
    ...(input.agreementValidUntil !== undefined ? { agreementValidUntil: until } : {}),
  };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organisations)
      .set(changes)
      .where(eq(organisations.id, org.id))
      .returning();
    if (!updated) throw notFound("Organisation");
    await audit(tx, ctx, {
      action: "organisation.update",
      outcome: "success",
      targetType: "organisation",
      targetId: org.id,
      details: {
        fields: Object.keys(changes),
        ...(touchesAgreement
          ? {
              agreementReference: updated.agreementReference,
              agreementValidFrom: updated.agreementValidFrom?.toISOString() ?? null,
              agreementValidUntil: updated.agreementValidUntil?.toISOString() ?? null,
            }
          : {}),
      },
    });
    return toOrganisationView(updated, now);
  });
}
