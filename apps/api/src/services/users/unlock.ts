import { loginThrottles, users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { throttleKeys } from "../../auth/login-throttle.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";

/** Lifts the sign-in throttle lock of an account (R11), e.g. after the hourly cap was reached. */
export async function unlockUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{ unlocked: true }> {
  const user = await loadTargetUser(ctx, "user.unlock", input.userId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, throttleKeys(user.username, "").account));
    await tx
      .update(users)
      .set({ lockedUntil: null, updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await audit(tx, ctx, {
      action: "user.unlock",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
    });
  });
  return { unlocked: true };
}
