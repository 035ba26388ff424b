import type { DbOrTx } from "@kuulo/db/client";
import { passwordSetupTokens } from "@kuulo/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { generateSecretToken, hashToken } from "../../auth/session-token.js";

export const PASSWORD_LINK_HOURS = 24;

/**
 * A new single-use set-password token (24 h). Earlier unused links of the same user stop working.
 * The token is returned once to be shown to `issuedTo`; only its SHA-256 is stored, with who saw it,
 * so a listening grant later requested by that person re-keys the account (separation of duties).
 */
export async function issuePasswordLink(
  tx: DbOrTx,
  userId: string,
  now: Date,
  issuedTo: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  await voidPasswordLinks(tx, userId, now);
  const token = generateSecretToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600 * 1000);
  await tx
    .insert(passwordSetupTokens)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, issuedTo });
  return { token, expiresAt };
}

/** Every unused link of the user stops working. */
export async function voidPasswordLinks(tx: DbOrTx, userId: string, now: Date): Promise<void> {
  await tx
    .update(passwordSetupTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordSetupTokens.userId, userId), isNull(passwordSetupTokens.usedAt)));
}
