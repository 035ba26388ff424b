export type AgreementState = "controller" | "valid" | "not_started" | "ended";

/** R9: a processor's people may sign in only while its agreement is in force. */
export function agreementState(
  organisation: { kind: string; agreementValidFrom: string | null; agreementValidUntil: string | null },
  now: Date,
): AgreementState {
  if (organisation.kind === "controller") return "controller";
  if (organisation.agreementValidFrom && new Date(organisation.agreementValidFrom) > now)
    return "not_started";
  if (organisation.agreementValidUntil && new Date(organisation.agreementValidUntil) < now) return "ended";
  return "valid";
}
