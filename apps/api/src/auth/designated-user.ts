/**
 * R9: only the controller's staff and staff of a processor whose agreement is valid now may sign in
 * or keep a session.
 */
export interface AgreementFacts {
  kind: "controller" | "processor";
  agreementReference: string | null;
  agreementValidFrom: Date | null;
  agreementValidUntil: Date | null;
}

export function organisationMaySignIn(org: AgreementFacts, now: Date): boolean {
  if (org.kind === "controller") return true;
  if (!org.agreementReference || !org.agreementValidFrom) return false;
  if (org.agreementValidFrom.getTime() > now.getTime()) return false;
  return org.agreementValidUntil === null || org.agreementValidUntil.getTime() >= now.getTime();
}
