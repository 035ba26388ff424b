import { type User, users } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { authorizeUser } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { grantUnitIdsOf } from "./user-view.js";

/** Loads the account an administrative verb acts on and checks it is within the actor's units (IDOR). */
export async function loadTargetUser(
  ctx: AuthedContext,
  permission: Permission,
  userId: string,
): Promise<User> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("User");
  await authorizeUser(ctx, permission, { id: user.id, grantUnitIds: await grantUnitIdsOf(ctx.db, user.id) });
  return user;
}
