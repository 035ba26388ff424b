import type { PersonalDataKind } from "./find-personal-data.js";

/** The reason key of an R4 refusal, e.g. "personal_data.phone"; the SPAs word it (packages/ui). */
export type PersonalDataReason = `personal_data.${PersonalDataKind}`;

export const personalDataReason = (kind: PersonalDataKind): PersonalDataReason => `personal_data.${kind}`;

export const isPersonalDataReason = (reason: unknown): reason is PersonalDataReason =>
  typeof reason === "string" && reason.startsWith("personal_data.");
