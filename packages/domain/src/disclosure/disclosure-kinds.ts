/** R6: the only three ways audio may leave the system. */
export const DISCLOSURE_KINDS = ["training", "statutory", "access_request"] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const DISCLOSURE_STATUSES = [
  "draft",
  "pending_approval",
  "active",
  "revoked",
  "expired",
  "closed",
  "delivered",
] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/** Statuses from which nothing moves on. */
export const FINAL_DISCLOSURE_STATUSES: readonly DisclosureStatus[] = ["revoked", "expired", "closed"];

/** Longest validity window of a training disclosure: one training season. */
export const MAX_TRAINING_DISCLOSURE_DAYS = 180;
export const MAX_RECORDINGS_PER_TRAINING_DISCLOSURE = 200;
export const MAX_RECORDINGS_PER_EXPORT = 1000;

export const IDENTITY_VERIFICATION_METHODS = [
  "in_person_id_document",
  "strong_electronic_identification",
  "employee_account",
  "other",
] as const;
export type IdentityVerificationMethod = (typeof IDENTITY_VERIFICATION_METHODS)[number];
