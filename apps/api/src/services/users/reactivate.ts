import { users } from "@kuulo/db/schema";
import { conflict } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";

export async function reactivateUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{ reactivated: true }> {
  const user = await loadTargetUser(ctx, "user.deactivate", input.userId);
  if (user.status === "active") throw conflict("The account is already active", { reason: "user.active" });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ status: "active", deactivatedAt: null, updatedAt: now })
      .where(eq(users.id, user.id));
    await audit(tx, ctx, {
      action: "user.reactivate",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
    });
  });
  return { reactivated: true };
}
