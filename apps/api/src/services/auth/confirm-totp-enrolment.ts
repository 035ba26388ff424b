import { users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { openSecret } from "../../auth/secret-box.js";
import { generateRecoveryCodes, matchTotpStep, TOTP_SEAL_PURPOSE } from "../../auth/totp.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { replaceWithFullSession } from "./start-full-session.js";

/**
 * Proves the authenticator works, turns TOTP on, and returns ten recovery codes exactly once (only
 * their hashes are kept). An enrolment-only session becomes a full session under a new token.
 */
export async function confirmTotpEnrolment({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { code: string };
}): Promise<{ recoveryCodes: string[] }> {
  const { auth } = ctx;
  const now = ctx.clock.now();
  const [user] = await ctx.db
    .select({ secret: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, auth.user.id));
  if (!user?.secret || user.enabledAt) {
    throw new DomainError("PRECONDITION_FAILED", "Start the enrolment first", { reason: "totp.not_started" });
  }
  const key = openSecret(ctx.masterKey, TOTP_SEAL_PURPOSE, user.secret);
  const step = matchTotpStep(key, input.code, now);
  if (step === null) {
    throw new DomainError("VALIDATION", "The code does not match; check the time on your device", {
      field: "code",
      reason: "totp.invalid_code",
    });
  }
  const recovery = generateRecoveryCodes();
  const session = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, recoveryCodeHashes: recovery.hashes, updatedAt: now })
      .where(and(eq(users.id, auth.user.id), isNull(users.totpEnabledAt)));
    const created = await replaceWithFullSession(tx, ctx, auth);
    await audit(tx, ctx, {
      action: "auth.totp_enrolled",
      outcome: "success",
      targetType: "user",
      targetId: auth.user.id,
    });
    return created;
  });
  ctx.cookies.set(session.token, session.expiresAt);
  return { recoveryCodes: recovery.codes };
}
