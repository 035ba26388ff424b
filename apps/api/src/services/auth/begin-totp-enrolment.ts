import { users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { sealSecret } from "../../auth/secret-box.js";
import { generateTotpKey, TOTP_SEAL_PURPOSE, totpManualKey, totpUri } from "../../auth/totp.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * Generates a TOTP secret on the server, stores it sealed with the master key and returns it this
 * once (otpauth URI for the QR code, and the key for manual entry). It works only after confirmation.
 */
export async function beginTotpEnrolment({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<{ otpauthUri: string; manualKey: string }> {
  const { auth } = ctx;
  if (auth.user.totpEnabled) {
    throw new DomainError("CONFLICT", "An authenticator is already enrolled", {
      reason: "totp.already_enrolled",
    });
  }
  const key = generateTotpKey();
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        totpSecretEncrypted: sealSecret(ctx.masterKey, TOTP_SEAL_PURPOSE, key),
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(users.id, auth.user.id), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (updated.length === 0) {
      throw new DomainError("CONFLICT", "An authenticator is already enrolled", {
        reason: "totp.already_enrolled",
      });
    }
    await audit(tx, ctx, {
      action: "auth.totp_enrolment_begin",
      outcome: "success",
      targetType: "user",
      targetId: auth.user.id,
    });
  });
  return { otpauthUri: totpUri(auth.user.username, key), manualKey: totpManualKey(key) };
}
