import { type Actor, can, decide, scopeOf } from "@kuulo/domain/access";

const trainer: Actor = {
  kind: "user",
  userId: "u-1",
  organisationId: "org-kespro",
  grants: [{ role: "trainer", unitId: "unit-helsinki" }],
  staffMemberId: null,
  disclosureIds: [],
};
const administrator: Actor = { ...trainer, grants: [{ role: "administrator", unitId: null }] };

export const trainerInUnit = can(trainer, "recording.listen", { unitId: "unit-helsinki" }); // true
export const trainerElsewhere = decide(trainer, "recording.listen", { unitId: "unit-tampere" });
// { allowed: false, reason: "recording.listen is granted, but not for this resource (outside scope)" }
export const administratorListens = can(administrator, "recording.listen", { unitId: "unit-helsinki" }); // false
export const unknownAction = can(administrator, "recording.download"); // false: unknown actions are denied

// Queries filter by scope instead of loading everything and checking afterwards.
export const trainerScope = scopeOf(trainer, "recording.read");
// { all: false, unitIds: ["unit-helsinki"], relations: [] }
