import { deleteUserSessions } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadTargetUser } from "./load-target-user.js";

export async function endUserSessions({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string };
}): Promise<{ endedSessions: number }> {
  const user = await loadTargetUser(ctx, "user.end_sessions", input.userId);
  return ctx.db.transaction(async (tx) => {
    const endedSessions = await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, {
      action: "user.end_sessions",
      outcome: "success",
      targetType: "user",
      targetId: user.id,
      details: { endedSessions },
    });
    return { endedSessions };
  });
}
