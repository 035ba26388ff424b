import type { DbOrTx } from "@kuulo/db/client";
import { activeTrainingDisclosures } from "@kuulo/db/queries";
import { sessionLimitsFor } from "@kuulo/domain/access";
import type { AuthState } from "../../auth/auth-state.js";
import { createSession, deleteSession } from "../../auth/sessions.js";
import type { ServiceContext } from "../shared/service-context.js";

/**
 * Replaces the current session by a new fully signed-in one (new token: no session fixation across
 * the second factor, enrolment or a password change). Returns the token for the cookie.
 */
export async function replaceWithFullSession(
  tx: DbOrTx,
  ctx: Pick<ServiceContext, "clock" | "request">,
  auth: AuthState,
): Promise<{ token: string; expiresAt: Date }> {
  const now = ctx.clock.now();
  const limits = sessionLimitsFor(auth.roles);
  let absoluteMs = limits.absoluteMs;
  if (auth.roles.includes("external_trainer")) {
    const ends = (await activeTrainingDisclosures(tx, auth.user.id, now))
      .map((disclosure) => disclosure.validUntil?.getTime())
      .filter((time): time is number => time !== undefined);
    if (ends.length > 0) absoluteMs = Math.min(absoluteMs, Math.max(...ends) - now.getTime());
  }
  await deleteSession(tx, auth.session.id);
  return createSession(tx, {
    userId: auth.user.id,
    now,
    idleSeconds: Math.floor(limits.idleMs / 1000),
    absoluteSeconds: Math.max(1, Math.floor(absoluteMs / 1000)),
    secondFactorVerified: true,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent ?? null,
  });
}
