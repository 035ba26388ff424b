import { deleteSession } from "../../auth/sessions.js";
import { audit } from "../shared/audit.js";
import type { ServiceContext } from "../shared/service-context.js";

/** Ends the current session server-side and clears the cookie; harmless without a session. */
export async function signOut({
  ctx,
}: {
  ctx: ServiceContext;
  input?: undefined;
}): Promise<{ signedOut: true }> {
  const auth = ctx.auth;
  if (auth) {
    await ctx.db.transaction(async (tx) => {
      await deleteSession(tx, auth.session.id);
      await audit(tx, ctx, {
        action: "auth.sign_out",
        outcome: "success",
        targetType: "user",
        targetId: auth.user.id,
      });
    });
  }
  ctx.cookies.clear();
  return { signedOut: true };
}
