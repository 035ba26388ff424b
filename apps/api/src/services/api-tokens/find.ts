import { apiTokens } from "@kuulo/db/schema";
import { desc } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type ApiTokenView, toApiTokenView } from "./api-token-view.js";

/** Machine tokens are not unit-scoped, so only all-units administrators manage them. */
export async function findApiTokens({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<ApiTokenView[]> {
  await authorize(ctx, "api_token.read", {}, { type: "api_token", id: null });
  const rows = await ctx.db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiTokenView);
}
