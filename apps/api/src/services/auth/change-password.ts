import { users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { clearThrottles, countFailure, lockedSeconds, throttleKeys } from "../../auth/login-throttle.js";
import { passwordTooLong, verifyPassword } from "../../auth/password-hash.js";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import { hashNewPassword } from "../shared/new-password.js";
import type { AuthedContext } from "../shared/service-context.js";
import { rateLimited } from "./sign-in.js";
import { replaceWithFullSession } from "./start-full-session.js";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes one's own password; every other session of the user ends and this one gets a new token. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: ChangePasswordInput;
}): Promise<{ changed: true; endedSessions: number }> {
  const { auth } = ctx;
  const now = ctx.clock.now();
  const keys = throttleKeys(auth.user.username, ctx.request.ip);
  const locked = await lockedSeconds(ctx.db, [keys.account], now);
  if (locked > 0) throw rateLimited(locked);
  const [user] = await ctx.db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, auth.user.id));
  const currentOk =
    !passwordTooLong(input.currentPassword) &&
    user?.hash != null &&
    (await verifyPassword(user.hash, input.currentPassword));
  if (!currentOk) {
    await ctx.db.transaction(async (tx) => {
      await countFailure(tx, [keys.account], now);
      await audit(tx, ctx, {
        action: "auth.password_change",
        outcome: "failure",
        targetType: "user",
        targetId: auth.user.id,
      });
    });
    throw new DomainError("VALIDATION", "The current password is wrong", {
      field: "currentPassword",
      rule: "R11",
      reason: "credentials.invalid",
    });
  }
  const hash = await hashNewPassword(input.newPassword, auth.user, ctx.config.passwordHash);
  const { session, ended } = await ctx.db.transaction(async (tx) => {
    await clearThrottles(tx, [keys.account]);
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordSetAt: now, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, auth.user.id));
    const ended = await deleteUserSessions(tx, auth.user.id, auth.session.id);
    const session = await replaceWithFullSession(tx, ctx, auth);
    await audit(tx, ctx, {
      action: "auth.password_change",
      outcome: "success",
      targetType: "user",
      targetId: auth.user.id,
      details: { endedSessions: ended },
    });
    return { session, ended };
  });
  ctx.cookies.set(session.token, session.expiresAt);
  return { changed: true, endedSessions: ended };
}
