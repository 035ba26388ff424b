import { notFound } from "@kuulo/domain/errors";
import { authorizeUser } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadUserViews, type UserView } from "./user-view.js";

export async function getUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<UserView> {
  const [view] = await loadUserViews(ctx.db, [input.userId], ctx.clock.now());
  if (!view) throw notFound("User");
  await authorizeUser(ctx, "user.read", {
    id: view.id,
    grantUnitIds: view.grants.map((grant) => grant.unitId),
  });
  return view;
}
