import { accessWays } from "./access-ways.js";
import { isActor, permissionOrNull } from "./actor.js";
import type { Relation } from "./role-permissions.js";

/** Where an actor holds a permission, for queries that must filter by it. */
export interface AccessScopeSummary {
  all: boolean;
  unitIds: string[];
  relations: Relation[];
}

const NOTHING: AccessScopeSummary = { all: false, unitIds: [], relations: [] };

export const scopeOf = (actor: unknown, action: unknown): AccessScopeSummary => {
  const permission = permissionOrNull(action);
  if (permission === null || !isActor(actor)) return { ...NOTHING, unitIds: [], relations: [] };
  let all = false;
  const unitIds = new Set<string>();
  const relations = new Set<Relation>();
  for (const way of accessWays(actor, permission)) {
    if (way.kind === "machine" || way.kind === "system") all = true;
    else if (way.kind === "self") relations.add("own");
    else if (way.kind === "relation") relations.add(way.relation);
    else if (way.unitId === null) all = true;
    else unitIds.add(way.unitId);
  }
  return { all, unitIds: all ? [] : [...unitIds].sort(), relations: [...relations].sort() };
};

/** Procedure-level gate: the actor holds the permission in at least one scope or relation. */
export const hasPermissionSomewhere = (actor: unknown, action: unknown): boolean => {
  const scope = scopeOf(actor, action);
  return scope.all || scope.unitIds.length > 0 || scope.relations.length > 0;
};
