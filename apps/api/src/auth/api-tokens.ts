import type { DbOrTx } from "@kuulo/db/client";
import { apiTokens } from "@kuulo/db/schema";
import { isPermission, type MachineActor, type Permission } from "@kuulo/domain/access";
import { eq } from "drizzle-orm";
import { generateSecretToken, hashToken } from "./session-token.js";

/** Recognisable prefix (secret scanners, logs) + 256 random bits. Only the SHA-256 is stored. */
export const API_TOKEN_PREFIX = "kuulo_";

export function generateApiToken(): { token: string; tokenHash: string } {
  const token = `${API_TOKEN_PREFIX}${generateSecretToken()}`;
  return { token, tokenHash: hashToken(token) };
}

/**
 * Authenticates a machine token (e.g. `Authorization: Bearer kuulo_…` on ingest, R5): unknown,
 * revoked or expired tokens give null. Marks the token as used.
 */
export async function authenticateApiToken(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<MachineActor | null> {
  if (!/^kuulo_[a-z2-7]{52}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return {
    kind: "machine",
    tokenId: row.id,
    scopes: row.scopes.filter((scope): scope is Permission => isPermission(scope)),
  };
}
