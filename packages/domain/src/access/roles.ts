/**
 * User levels of the register (item 9: "several user levels"). Maintenance (administration) and
 * browsing (listening) are separate roles on purpose (R10): no role that administers users listens.
 */
export const ROLES = [
  "administrator",
  "privacy_officer",
  "trainer",
  "quality_reviewer",
  "employee",
  "external_trainer",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use a second factor (TOTP) at sign-in. */
export const ROLES_REQUIRING_SECOND_FACTOR: readonly Role[] = ["administrator", "privacy_officer"];

/** Actors that are not people. */
export const MACHINE_ACTORS = ["recording_system", "system"] as const;
export type MachineActorKind = (typeof MACHINE_ACTORS)[number];
