import { sessions } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import { and, eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

/** Ends one of one's own sessions; another user's session id is simply not found (no IDOR oracle). */
export async function endSession({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { sessionId: string };
}): Promise<{ ended: true }> {
  const { auth } = ctx;
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, auth.user.id)))
      .returning({ id: sessions.id });
    if (deleted.length === 0) throw notFound("Session");
    await audit(tx, ctx, {
      action: "auth.session_end",
      outcome: "success",
      targetType: "user",
      targetId: auth.user.id,
    });
  });
  if (input.sessionId === auth.session.id) ctx.cookies.clear();
  return { ended: true };
}
