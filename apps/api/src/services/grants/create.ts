import { roleGrants, units } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { conflict, DomainError, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import type { AuthedContext } from "../../trpc/procedures.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import { loadTargetUser } from "../users/load-target-user.js";

export interface CreateGrantInput {
  userId: string;
  role: Role;
  unitId: string | null;
}

/**
 * Gives a person a role in a unit (R10). Nobody grants roles to themselves: administering users must
 * not become a way to listen. The person's sessions end so the new rights start from a fresh sign-in.
 */
export async function createGrant({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateGrantInput;
}): Promise<{ grantId: string; endedSessions: number }> {
  if (input.userId === ctx.auth.user.id) {
    throw new DomainError("FORBIDDEN", "You cannot change your own roles", {
      rule: "R10",
      reason: "grant.self",
    });
  }
  const user = await loadTargetUser(ctx, "grant.create", input.userId);
  if (input.unitId) {
    const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw notFound("Unit");
  }
  await authorize(ctx, "grant.create", { unitId: input.unitId }, { type: "user", id: user.id });
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [grant] = await tx
        .insert(roleGrants)
        .values({
          userId: user.id,
          role: input.role,
          unitId: input.unitId,
          grantedBy: ctx.auth.user.id,
          grantedAt: now,
        })
        .returning({ id: roleGrants.id });
      if (!grant) throw new Error("insert returned nothing");
      const endedSessions = await deleteUserSessions(tx, user.id);
      await audit(tx, ctx, {
        action: "grant.create",
        outcome: "success",
        targetType: "user",
        targetId: user.id,
        details: { grantId: grant.id, role: input.role, unitId: input.unitId, endedSessions },
      });
      return { grantId: grant.id, endedSessions };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("The person already has this role in this unit", { reason: "grant.exists" });
    }
    throw error;
  }
}
