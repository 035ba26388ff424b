import { accessWays, describeWay } from "./access-ways.js";
import { isActor } from "./actor.js";
import { PERMISSIONS, type Permission } from "./permissions.js";
import { type AccessScopeSummary, scopeOf } from "./scope-of.js";

export interface EffectiveAccess extends AccessScopeSummary {
  permission: Permission;
  allowed: boolean;
  /** Human-readable grounds, e.g. "trainer in unit u1", "employee: own resource". */
  because: string[];
}

/** The "effective access" view: for every permission, whether, where and why the actor holds it. */
export const explainAccess = (actor: unknown): EffectiveAccess[] =>
  PERMISSIONS.map((permission) => {
    const scope = scopeOf(actor, permission);
    const because = isActor(actor) ? accessWays(actor, permission).map(describeWay) : [];
    return {
      permission,
      allowed: scope.all || scope.unitIds.length > 0 || scope.relations.length > 0,
      ...scope,
      because: [...new Set(because)],
    };
  });
