import { type AccessResource, decide, type Permission, scopeOf } from "@kuulo/domain/access";
import { refuseOutsideScope } from "./refuse-outside-scope.js";
import type { AuthedContext } from "./service-context.js";

/**
 * Object-level check (IDOR): the actor must hold the permission for this very resource. A denial is
 * audited in its own transaction and reported as FORBIDDEN citing R10.
 */
export async function authorize(
  ctx: AuthedContext,
  permission: Permission,
  resource: AccessResource,
  target: { type: string; id: string | null },
): Promise<void> {
  const decision = decide(ctx.auth.actor, permission, resource);
  if (decision.allowed) return;
  throw await refuseOutsideScope(ctx, { permission, target, reason: decision.reason });
}

/** Where the actor holds a permission: all units, or a list of unit ids. */
export function unitScope(ctx: AuthedContext, permission: Permission): { all: boolean; unitIds: string[] } {
  const scope = scopeOf(ctx.auth.actor, permission);
  return { all: scope.all, unitIds: scope.unitIds };
}

/**
 * A person is administered through the units their grants cover: a unit-scoped administrator manages
 * only people whose every live grant lies within that administrator's units (and never an all-units holder).
 */
export function coversUser(
  scope: { all: boolean; unitIds: readonly string[] },
  grantUnitIds: readonly (string | null)[],
): boolean {
  if (scope.all) return true;
  if (grantUnitIds.length === 0) return false;
  return grantUnitIds.every((unitId) => unitId !== null && scope.unitIds.includes(unitId));
}

export async function authorizeUser(
  ctx: AuthedContext,
  permission: Permission,
  target: { id: string; grantUnitIds: readonly (string | null)[] },
): Promise<void> {
  if (coversUser(unitScope(ctx, permission), target.grantUnitIds)) return;
  throw await refuseOutsideScope(ctx, {
    permission,
    target: { type: "user", id: target.id },
    reason: "user outside scope",
    message: `Not allowed: ${permission} for this person is outside your units`,
  });
}
