import type { DbOrTx } from "@kuulo/db/client";
import { listeningRequests, roleGrants, units } from "@kuulo/db/schema";
import type { Role } from "@kuulo/domain/access";
import { conflict, DomainError, notFound } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "../users/load-target-user.js";
import { grantNeedsApproval, insertListeningRequest } from "./listening-requests.js";

export interface CreateGrantInput {
  userId: string;
  role: Role;
  unitId: string | null;
}

export type CreateGrantResult =
  | { status: "granted"; grantId: string; endedSessions: number }
  | { status: "awaiting_approval"; requestId: string };

/**
 * Gives a person a role in a unit (R10). Nobody grants roles to themselves: administering users must
 * not become a way to listen. A role that lets someone listen only becomes a request a second person
 * approves (four-eyes). The person's sessions end so the new rights start from a fresh sign-in.
 */
export async function createGrant({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: CreateGrantInput;
}): Promise<CreateGrantResult> {
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
  if (grantNeedsApproval(ctx, input.role)) {
    const requestId = await ctx.db.transaction(async (tx) => {
      await assertNotHeldOrRequested(tx, input);
      return insertListeningRequest(tx, ctx, { kind: "grant", ...input, userId: user.id });
    });
    return { status: "awaiting_approval", requestId };
  }
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
      return { status: "granted" as const, grantId: grant.id, endedSessions };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("The person already has this role in this unit", { reason: "grant.exists" });
    }
    throw error;
  }
}

/** The same right twice is a conflict, whether it is live or still awaiting approval. */
async function assertNotHeldOrRequested(tx: DbOrTx, input: CreateGrantInput) {
  const sameUnit = (column: typeof roleGrants.unitId | typeof listeningRequests.unitId) =>
    input.unitId === null ? isNull(column) : eq(column, input.unitId);
  const [live] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, input.userId),
        eq(roleGrants.role, input.role),
        sameUnit(roleGrants.unitId),
        isNull(roleGrants.revokedAt),
      ),
    );
  if (live) throw conflict("The person already has this role in this unit", { reason: "grant.exists" });
  const [pending] = await tx
    .select({ id: listeningRequests.id })
    .from(listeningRequests)
    .where(
      and(
        eq(listeningRequests.userId, input.userId),
        eq(listeningRequests.role, input.role),
        sameUnit(listeningRequests.unitId),
        eq(listeningRequests.status, "pending"),
      ),
    );
  if (pending) {
    throw conflict("This role is already awaiting approval for the person", {
      reason: "grant.awaiting_approval",
    });
  }
}
