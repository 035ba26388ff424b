import type { Transaction } from "@kuulo/db/client";
import { listeningRequests, passwordSetupTokens, roleGrants, users } from "@kuulo/db/schema";
import { conflict } from "@kuulo/domain/errors";
import { and, eq, isNull, or } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { emailPasswordLink } from "../../email/email-password-link.js";
import { audit } from "../shared/audit.js";
import { pgErrorCode, UNIQUE_VIOLATION } from "../shared/db-errors.js";
import type { AuthedContext } from "../shared/service-context.js";
import { issuePasswordLink } from "../users/issue-password-link.js";
import { loadDecidableRequest } from "./load-listening-request.js";

export interface ApproveRequestResult {
  grantId: string | null;
  /** The person's one-time set-password link, for the approver to hand over; null when they keep theirs. */
  setPasswordToken: string | null;
  setPasswordExpiresAt: string | null;
}

/**
 * Could the requester (or anyone but the person) sign in as the person? Yes if the account has no
 * password yet, an unused link is out, or the requester was ever shown a link for it.
 */
async function credentialsOutOfPersonsHands(
  tx: Transaction,
  userId: string,
  requestedBy: string | null,
): Promise<boolean> {
  const [user] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.passwordHash === null) return true;
  const [link] = await tx
    .select({ id: passwordSetupTokens.id })
    .from(passwordSetupTokens)
    .where(
      and(
        eq(passwordSetupTokens.userId, userId),
        or(
          isNull(passwordSetupTokens.usedAt),
          requestedBy === null ? undefined : eq(passwordSetupTokens.issuedTo, requestedBy),
        ),
      ),
    )
    .limit(1);
  return link !== undefined;
}

/**
 * The second person's approval (R10). A role takes effect; when the requester could know the
 * account's password, the password is cleared and a new link goes to the approver instead, so the
 * requester cannot sign in as the listener they asked for (a sock puppet).
 */
export async function approveListeningRequest({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { requestId: string };
}): Promise<ApproveRequestResult> {
  const request = await loadDecidableRequest(ctx, input.requestId);
  const now = ctx.clock.now();
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const decided = await tx
        .update(listeningRequests)
        .set({ status: "approved", decidedBy: ctx.auth.user.id, decidedAt: now })
        .where(and(eq(listeningRequests.id, request.id), eq(listeningRequests.status, "pending")))
        .returning({ id: listeningRequests.id });
      if (decided.length === 0)
        throw conflict("This request has already been decided", { reason: "approval.decided" });
      let grantId: string | null = null;
      if (request.kind === "grant" && request.role) {
        const [grant] = await tx
          .insert(roleGrants)
          .values({
            userId: request.userId,
            role: request.role,
            unitId: request.unitId,
            grantedBy: request.requestedBy,
            grantedAt: now,
          })
          .returning({ id: roleGrants.id });
        if (!grant) throw new Error("insert returned nothing");
        grantId = grant.id;
        await tx.update(listeningRequests).set({ grantId }).where(eq(listeningRequests.id, request.id));
      }
      const rekey =
        request.kind === "password_link" ||
        (await credentialsOutOfPersonsHands(tx, request.userId, request.requestedBy));
      if (rekey) {
        await tx
          .update(users)
          .set({ passwordHash: null, passwordSetAt: null, updatedAt: now })
          .where(eq(users.id, request.userId));
      }
      const endedSessions = await deleteUserSessions(tx, request.userId);
      const link = rekey ? await issuePasswordLink(tx, request.userId, now, ctx.auth.user.id) : null;
      await audit(tx, ctx, {
        action: request.kind === "grant" ? "grant.approve" : "password_link.approve",
        outcome: "success",
        targetType: "user",
        targetId: request.userId,
        details: {
          requestId: request.id,
          role: request.role,
          unitId: request.unitId,
          requestedBy: request.requestedBy,
          grantId,
          endedSessions,
          passwordLinkToApprover: rekey,
        },
      });
      return {
        grantId,
        setPasswordToken: link?.token ?? null,
        setPasswordExpiresAt: link?.expiresAt.toISOString() ?? null,
      };
    });
    if (result.setPasswordToken && result.setPasswordExpiresAt)
      await emailPasswordLink(ctx, {
        userId: request.userId,
        token: result.setPasswordToken,
        expiresAt: result.setPasswordExpiresAt,
      });
    return result;
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) {
      throw conflict("The person already has this role in this unit", { reason: "grant.exists" });
    }
    throw error;
  }
}
