import type { Actor, UserActor } from "./actor.js";
import { isGrant } from "./actor.js";
import type { Permission } from "./permissions.js";
import {
  MACHINE_PERMISSIONS,
  type Relation,
  ROLE_PERMISSIONS,
  SELF_PERMISSIONS,
  SYSTEM_PERMISSIONS,
} from "./role-permissions.js";
import type { Role } from "./roles.js";

/** One route by which an actor may hold a permission. */
export type AccessWay =
  | { kind: "unit"; role: Role; unitId: string | null }
  | { kind: "relation"; role: Role; relation: Relation }
  | { kind: "self" }
  | { kind: "machine" }
  | { kind: "system" };

const userWays = (actor: UserActor, permission: Permission): AccessWay[] => {
  if (SELF_PERMISSIONS.includes(permission)) return [{ kind: "self" }];
  const ways: AccessWay[] = [];
  for (const grant of actor.grants) {
    if (!isGrant(grant)) continue;
    for (const scope of ROLE_PERMISSIONS[grant.role][permission] ?? []) {
      if (scope === "unit") ways.push({ kind: "unit", role: grant.role, unitId: grant.unitId });
      else if (scope !== "disclosed" || actor.disclosureIds.length > 0) {
        ways.push({ kind: "relation", role: grant.role, relation: scope });
      }
    }
  }
  return ways;
};

/** All ways the (already validated) actor holds the permission, before looking at any resource. */
export const accessWays = (actor: Actor, permission: Permission): AccessWay[] => {
  switch (actor.kind) {
    case "user":
      return userWays(actor, permission);
    case "machine":
      return MACHINE_PERMISSIONS.includes(permission) && actor.scopes.includes(permission)
        ? [{ kind: "machine" }]
        : [];
    case "system":
      return SYSTEM_PERMISSIONS.includes(permission) ? [{ kind: "system" }] : [];
  }
};

/** Human-readable grounds for a way, e.g. "trainer in unit u1", "employee: own resources". */
export const describeWay = (way: AccessWay): string => {
  if (way.kind === "unit")
    return way.unitId === null ? `${way.role} in all units` : `${way.role} in unit ${way.unitId}`;
  if (way.kind === "relation") return `${way.role}: ${way.relation} resources`;
  if (way.kind === "self") return "own account";
  return way.kind === "machine" ? "machine token scope" : "system job";
};
