import type { DbOrTx } from "@kuulo/db/client";
import { listeningRequests, roleGrants } from "@kuulo/db/schema";
import { type Role, roleLetsListen } from "@kuulo/domain/access";
import { and, eq, isNull } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * R10, "managing users does not by itself let anyone listen": with four-eyes on, a role that lets its
 * holder listen is only requested here; the grant row is written when a second person approves.
 */
export function grantNeedsApproval(ctx: Pick<AuthedContext, "config">, role: Role): boolean {
  return ctx.config.fourEyes.listeningGrants && roleLetsListen(role);
}

/** Whether the account can listen now or is about to (a live listening grant or a pending request). */
export async function accountListens(db: DbOrTx, userId: string): Promise<boolean> {
  const grants = await db
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  if (grants.some((grant) => roleLetsListen(grant.role))) return true;
  const [pending] = await db
    .select({ id: listeningRequests.id })
    .from(listeningRequests)
    .where(
      and(
        eq(listeningRequests.userId, userId),
        eq(listeningRequests.kind, "grant"),
        eq(listeningRequests.status, "pending"),
      ),
    )
    .limit(1);
  return pending !== undefined;
}

/** Records the request and its audit row in the caller's transaction. */
export async function insertListeningRequest(
  tx: DbOrTx,
  ctx: AuthedContext,
  request:
    | { kind: "grant"; userId: string; role: Role; unitId: string | null }
    | { kind: "password_link"; userId: string },
): Promise<string> {
  const [row] = await tx
    .insert(listeningRequests)
    .values({
      kind: request.kind,
      userId: request.userId,
      role: request.kind === "grant" ? request.role : null,
      unitId: request.kind === "grant" ? request.unitId : null,
      requestedBy: ctx.auth.user.id,
      requestedAt: ctx.clock.now(),
    })
    .returning({ id: listeningRequests.id });
  if (!row) throw new Error("insert returned nothing");
  await audit(tx, ctx, {
    action: request.kind === "grant" ? "grant.request" : "password_link.request",
    outcome: "success",
    targetType: "user",
    targetId: request.userId,
    details:
      request.kind === "grant"
        ? { requestId: row.id, role: request.role, unitId: request.unitId }
        : { requestId: row.id },
  });
  return row.id;
}
