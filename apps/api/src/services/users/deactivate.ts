import { users } from "@kuulo/db/schema";
import { conflict } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";

/** Deactivation ends every session of the person at once (ASVS 7.4.2). */
export async function deactivateUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{ endedSessions: number }> {
  if (input.userId === ctx.auth.user.id) {
    throw conflict("You cannot deactivate your own account", { field: "userId", reason: "user.self" });
  }
  const user = await loadTargetUser(ctx, "user.deactivate", input.userId);
  if (user.status === "deactivated")
    throw conflict("The account is already deactivated", { reason: "user.deactivated" });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ status: "deactivated", deactivatedAt: now, updatedAt: now })
      .where(eq(users.id, user.id));
    const endedSessions = await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, {
      action: "user.deactivate",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      details: { endedSessions },
    });
    return { endedSessions };
  });
}
