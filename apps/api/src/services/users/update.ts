import { users } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";
import { loadUserViews, type UserView } from "./user-view.js";

export interface UpdateUserInput {
  userId: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  email?: string | null | undefined;
}

export async function updateUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UpdateUserInput;
}): Promise<UserView> {
  const user = await loadTargetUser(ctx, "user.update", input.userId);
  const now = ctx.clock.now();
  const changes = {
    ...(input.firstName !== undefined ? { firstName: input.firstName } : {}),
    ...(input.lastName !== undefined ? { lastName: input.lastName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...changes, updatedAt: now })
      .where(eq(users.id, user.id));
    await audit(tx, ctx, {
      action: "user.update",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      details: { fields: Object.keys(changes) },
    });
  });
  const [view] = await loadUserViews(ctx.db, [user.id], now);
  if (!view) throw new Error("updated user not found");
  return view;
}
