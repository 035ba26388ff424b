import { type EffectiveAccess, explainAccess, type UserActor } from "@kuulo/domain/access";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";
import { loadUserViews } from "./user-view.js";

/** "What can this person do, where and why" — computed by the same domain policy the API enforces. */
export async function effectiveAccess({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<EffectiveAccess[]> {
  const user = await loadTargetUser(ctx, "user.read", input.userId);
  const [view] = await loadUserViews(ctx.db, [user.id], ctx.clock.now());
  const actor: UserActor = {
    kind: "user",
    userId: user.id,
    organisationId: user.organisationId,
    grants: (view?.grants ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId })),
    staffMemberId: user.staffMemberId,
    disclosureIds: [],
  };
  return explainAccess(actor);
}
