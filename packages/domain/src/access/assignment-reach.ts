import { isActor, isGrant } from "./actor.js";
import { ROLE_PERMISSIONS } from "./role-permissions.js";

/**
 * Which playlist assignments reach a person (R2, R10): one naming them, or one to a unit in which they
 * hold a role that takes playlists by assignment (a grant without a unit: every unit). A grant of any
 * other role in a unit, or the unit of their staff record, does not make them an assignee there.
 */
export const assignmentReach = (actor: unknown): { all: boolean; unitIds: string[] } => {
  if (!isActor(actor) || actor.kind !== "user") return { all: false, unitIds: [] };
  const grants = actor.grants.filter(
    (grant) => isGrant(grant) && (ROLE_PERMISSIONS[grant.role]["playlist.read"] ?? []).includes("assigned"),
  );
  return {
    all: grants.some((grant) => grant.unitId === null),
    unitIds: [...new Set(grants.flatMap((grant) => (grant.unitId ? [grant.unitId] : [])))].sort(),
  };
};
