import { roleGrants } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "../users/load-target-user.js";

/** Revokes a grant (kept with revoked_at for history) and ends the person's sessions. */
export async function revokeGrant({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { grantId: string };
}): Promise<{ endedSessions: number }> {
  const [grant] = await ctx.db
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.id, input.grantId), isNull(roleGrants.revokedAt)));
  if (!grant) throw notFound("Grant");
  if (grant.userId === ctx.auth.user.id) {
    throw new DomainError("FORBIDDEN", "You cannot change your own roles", {
      rule: "R10",
      reason: "grant.self",
    });
  }
  await loadTargetUser(ctx, "grant.revoke", grant.userId);
  await authorize(ctx, "grant.revoke", { unitId: grant.unitId }, { type: "grant", id: grant.id });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.update(roleGrants).set({ revokedAt: now }).where(eq(roleGrants.id, grant.id));
    const endedSessions = await deleteUserSessions(tx, grant.userId);
    await audit(tx, ctx, {
      action: "grant.revoke",
      outcome: "success",
      targetType: "user",
      targetId: grant.userId,
      details: { grantId: grant.id, role: grant.role, unitId: grant.unitId, endedSessions },
    });
    return { endedSessions };
  });
}
