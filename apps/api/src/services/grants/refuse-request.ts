import { listeningRequests } from "@kuulo/db/schema";
import { conflict } from "@kuulo/domain/errors";
import { and, eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadDecidableRequest } from "./load-listening-request.js";

/** The second person says no (R10): nothing is granted, no link is issued; the refusal is audited. */
export async function refuseListeningRequest({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { requestId: string };
}): Promise<{ refused: true }> {
  const request = await loadDecidableRequest(ctx, input.requestId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const decided = await tx
      .update(listeningRequests)
      .set({ status: "refused", decidedBy: ctx.auth.user.id, decidedAt: now })
      .where(and(eq(listeningRequests.id, request.id), eq(listeningRequests.status, "pending")))
      .returning({ id: listeningRequests.id });
    if (decided.length === 0)
      throw conflict("This request has already been decided", { reason: "approval.decided" });
    await audit(tx, ctx, {
      action: request.kind === "grant" ? "grant.refuse" : "password_link.refuse",
      outcome: "success",
      targetType: "user",
      targetId: request.userId,
      details: {
        requestId: request.id,
        role: request.role,
        unitId: request.unitId,
        requestedBy: request.requestedBy,
      },
    });
  });
  return { refused: true };
}
