import { apiTokens } from "@kuulo/db/schema";
import { conflict, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

export async function revokeApiToken({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { tokenId: string };
}): Promise<{ revoked: true }> {
  await authorize(ctx, "api_token.revoke", {}, { type: "api_token", id: input.tokenId });
  const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, input.tokenId));
  if (!row) throw notFound("API token");
  if (row.revokedAt) throw conflict("The token is already revoked", { reason: "api_token.revoked" });
  await ctx.db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: ctx.clock.now() }).where(eq(apiTokens.id, row.id));
    await audit(tx, ctx, {
      action: "api_token.revoke",
      outcome: "success",
      targetType: "api_token",
      targetId: row.id,
    });
  });
  return { revoked: true };
}
