import type { Organisation } from "@kuulo/db/schema";
import { organisationMaySignIn } from "../../auth/designated-user.js";

export interface OrganisationView {
  id: string;
  kind: "controller" | "processor";
  name: string;
  businessId: string;
  country: string;
  agreementReference: string | null;
  agreementValidFrom: string | null;
  agreementValidUntil: string | null;
  /** R9: may its people sign in right now? */
  agreementInForce: boolean;
  createdAt: string;
}

export const toOrganisationView = (org: Organisation, now: Date): OrganisationView => ({
  id: org.id,
  kind: org.kind,
  name: org.name,
  businessId: org.businessId,
  country: org.country,
  agreementReference: org.agreementReference,
  agreementValidFrom: org.agreementValidFrom?.toISOString() ?? null,
  agreementValidUntil: org.agreementValidUntil?.toISOString() ?? null,
  agreementInForce: organisationMaySignIn(org, now),
  createdAt: org.createdAt.toISOString(),
});
