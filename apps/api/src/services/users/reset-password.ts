import { users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { emailPasswordLink } from "../../email/email-password-link.js";
import { accountListens, insertListeningRequest } from "../grants/listening-requests.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { issuePasswordLink, voidPasswordLinks } from "./issue-password-link.js";
import { loadTargetUser } from "./load-target-user.js";

/**
 * The old password stops working at once, every session ends, and a new one-time link (24 h) is
 * returned to the administrator once. The administrator never learns or chooses the password. For an
 * account that listens (or awaits a listening role) with four-eyes on, the link goes to the approver
 * instead: an administrator holding it could sign in as a listener (R10).
 */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{
  setPasswordToken: string | null;
  setPasswordExpiresAt: string | null;
  endedSessions: number;
  awaitingApproval: boolean;
}> {
  const user = await loadTargetUser(ctx, "user.reset_password", input.userId);
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: null, passwordSetAt: null, updatedAt: now })
      .where(eq(users.id, user.id));
    const endedSessions = await deleteUserSessions(tx, user.id);
    const withheld = ctx.config.fourEyes.listeningGrants && (await accountListens(tx, user.id));
    await audit(tx, ctx, {
      action: "user.reset_password",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      details: { endedSessions, linkAwaitsApproval: withheld },
    });
    if (withheld) {
      await voidPasswordLinks(tx, user.id, now);
      await insertListeningRequest(tx, ctx, { kind: "password_link", userId: user.id });
      return { setPasswordToken: null, setPasswordExpiresAt: null, endedSessions, awaitingApproval: true };
    }
    const link = await issuePasswordLink(tx, user.id, now, ctx.auth.user.id);
    return {
      setPasswordToken: link.token,
      setPasswordExpiresAt: link.expiresAt.toISOString(),
      endedSessions,
      awaitingApproval: false,
    };
  });
  if (result.setPasswordToken && result.setPasswordExpiresAt)
    await emailPasswordLink(ctx, {
      userId: user.id,
      token: result.setPasswordToken,
      expiresAt: result.setPasswordExpiresAt,
    });
  return result;
}
