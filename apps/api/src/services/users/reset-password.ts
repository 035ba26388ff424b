import { users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import type { AuthedContext } from "../../trpc/procedures.js";
import { audit } from "../shared/audit.js";
import { issuePasswordLink } from "./issue-password-link.js";
import { loadTargetUser } from "./load-target-user.js";

/**
 * The old password stops working at once, every session ends, and a new one-time link (24 h) is
 * returned to the administrator once. The administrator never learns or chooses the password.
 */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{ setPasswordToken: string; setPasswordExpiresAt: string; endedSessions: number }> {
  const user = await loadTargetUser(ctx, "user.reset_password", input.userId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: null, passwordSetAt: null, updatedAt: now })
      .where(eq(users.id, user.id));
    const endedSessions = await deleteUserSessions(tx, user.id);
    const link = await issuePasswordLink(tx, user.id, now);
    await audit(tx, ctx, {
      action: "user.reset_password",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      details: { endedSessions },
    });
    return {
      setPasswordToken: link.token,
      setPasswordExpiresAt: link.expiresAt.toISOString(),
      endedSessions,
    };
  });
}
