import type { DisclosureStatus } from "./disclosure-kinds.js";

export interface DisclosureValidity {
  status: DisclosureStatus;
  validFrom?: Date | null;
  validUntil?: Date | null;
  /** A revocation ends access even if the status was not (yet) moved on. */
  revokedAt?: Date | null;
}

/** Active means approved, not revoked, and `now` inside [validFrom, validUntil). Checked on every request. */
export const isDisclosureActive = (disclosure: DisclosureValidity, now: Date): boolean => {
  if (disclosure.status !== "active" || disclosure.revokedAt) return false;
  const at = now.getTime();
  if (Number.isNaN(at)) return false;
  if (disclosure.validFrom && !(at >= disclosure.validFrom.getTime())) return false;
  if (disclosure.validUntil && !(at < disclosure.validUntil.getTime())) return false;
  return true;
};
