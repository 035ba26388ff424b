import { type AccessWay, accessWays, describeWay } from "./access-ways.js";
import { type AccessResource, type Actor, isActor, permissionOrNull } from "./actor.js";
import type { Relation } from "./role-permissions.js";
import type { Role } from "./roles.js";

export interface AccessDecision {
  allowed: boolean;
  reason: string;
  via?: { role?: Role; unitId?: string | null; relation?: Relation };
}

const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

const wayReaches = (way: AccessWay, actor: Actor, resource: AccessResource): boolean => {
  switch (way.kind) {
    case "self":
    case "machine":
    case "system":
      return true;
    case "unit":
      if (way.unitId === null) return true;
      // A unit-scoped grant never reaches another organisation's resources, nor unit-less ones.
      if (actor.kind === "user" && resource.organisationId !== undefined) {
        if (resource.organisationId !== actor.organisationId) return false;
      }
      return typeof resource.unitId === "string" && resource.unitId === way.unitId;
    case "relation":
      if (way.relation === "own") {
        return (
          actor.kind === "user" &&
          actor.staffMemberId !== null &&
          typeof resource.ownerStaffMemberId === "string" &&
          resource.ownerStaffMemberId === actor.staffMemberId
        );
      }
      if (way.relation === "assigned") return resource.assignedToActor === true;
      return resource.disclosedToActor === true;
  }
};

const via = (way: AccessWay): AccessDecision["via"] => {
  if (way.kind === "unit") return { role: way.role, unitId: way.unitId };
  if (way.kind === "relation") return { role: way.role, relation: way.relation };
  return way.kind === "self" ? { relation: "own" } : undefined;
};

/**
 * The one access decision (R10). Denies anything unknown: unknown action, malformed actor, a grant
 * with an unknown role, or a resource whose facts do not place it within the actor's scope.
 */
export const decide = (actor: unknown, action: unknown, resource: AccessResource = {}): AccessDecision => {
  const permission = permissionOrNull(action);
  if (permission === null) return deny(`unknown action ${JSON.stringify(action)}`);
  if (!isActor(actor)) return deny("malformed actor");
  const facts: AccessResource = typeof resource === "object" && resource !== null ? resource : {};
  const ways = accessWays(actor, permission);
  if (ways.length === 0) return deny(`no role grants ${permission}`);
  const way = ways.find((candidate) => wayReaches(candidate, actor, facts));
  if (!way) return deny(`${permission} is granted, but not for this resource (outside scope)`);
  const grounds = via(way);
  return { allowed: true, reason: describeWay(way), ...(grounds ? { via: grounds } : {}) };
};

export const can = (actor: unknown, action: unknown, resource?: AccessResource): boolean =>
  decide(actor, action, resource).allowed;
