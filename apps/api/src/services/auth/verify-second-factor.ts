import type { DbOrTx } from "@kuulo/db/client";
import { users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { clearThrottles, countFailure, lockedSeconds, throttleKeys } from "../../auth/login-throttle.js";
import { openSecret } from "../../auth/secret-box.js";
import { hashRecoveryCode, matchTotpStep, TOTP_SEAL_PURPOSE } from "../../auth/totp.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { rateLimited } from "./sign-in.js";
import { replaceWithFullSession } from "./start-full-session.js";

export interface VerifySecondFactorInput {
  /** A 6-digit TOTP code, or one of the recovery codes. */
  code: string;
}

/** Second step of sign-in: the pending session becomes a full one under a new token. */
export async function verifySecondFactor({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: VerifySecondFactorInput;
}): Promise<{ status: "signed_in" }> {
  const now = ctx.clock.now();
  const { auth } = ctx;
  const keys = throttleKeys(auth.user.username, ctx.request.ip);
  const locked = await lockedSeconds(ctx.db, [keys.account, keys.address], now);
  if (locked > 0) throw rateLimited(locked);

  const [user] = await ctx.db
    .select({ secret: users.totpSecretEncrypted, recovery: users.recoveryCodeHashes })
    .from(users)
    .where(eq(users.id, auth.user.id));
  if (!user?.secret) throw new DomainError("PRECONDITION_FAILED", "No authenticator is enrolled");
  const key = openSecret(ctx.masterKey, TOTP_SEAL_PURPOSE, user.secret);
  const step = matchTotpStep(key, input.code, now);
  const totpOk = step !== null && (await claimTotpStep(ctx.db, auth.user.id, step));
  const recoveryHash = totpOk ? null : hashRecoveryCode(input.code);
  const recoveryOk = recoveryHash !== null && user.recovery.includes(recoveryHash);

  if (!totpOk && !recoveryOk) {
    await ctx.db.transaction(async (tx) => {
      await countFailure(tx, [keys.account, keys.address], now);
      await audit(tx, ctx, {
        action: "auth.second_factor",
        outcome: "failure",
        targetType: "user",
        targetId: auth.user.id,
      });
    });
    throw new DomainError("UNAUTHENTICATED", "The code is not valid", {
      field: "code",
      reason: "second_factor.invalid",
      rule: "R11",
    });
  }

  const session = await ctx.db.transaction(async (tx) => {
    await clearThrottles(tx, [keys.account, keys.address]);
    if (recoveryOk) {
      // A recovery code works once.
      await tx
        .update(users)
        .set({ recoveryCodeHashes: user.recovery.filter((hash) => hash !== recoveryHash) })
        .where(eq(users.id, auth.user.id));
    }
    const created = await replaceWithFullSession(tx, ctx, auth);
    await audit(tx, ctx, {
      action: "auth.second_factor",
      outcome: "success",
      targetType: "user",
      targetId: auth.user.id,
      details: { method: recoveryOk ? "recovery_code" : "totp" },
    });
    return created;
  });
  ctx.cookies.set(session.token, session.expiresAt);
  return { status: "signed_in" };
}

/**
 * Accepts a TOTP step once (RFC 6238 §5.2): the conditional update lets only the first of two
 * concurrent uses of one code through, and refuses a code of an earlier step too.
 */
async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length > 0;
}
