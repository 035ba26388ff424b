import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { users } from "@kuulo/db/schema";
import { and, eq, isNotNull } from "drizzle-orm";
import { openSecret, sealedKeyId, sealSecret, secretKeyId } from "../auth/secret-box.js";
import { TOTP_SEAL_PURPOSE } from "../auth/totp.js";
import type { Clock } from "../trpc/context.js";

/**
 * Master key rotation for TOTP secrets: every secret not sealed by the current master key (an older key,
 * or the original format without a key id) is opened and sealed again, so the old key can be removed.
 */
export async function rewrapTotpSecrets(options: {
  db: Database;
  masterKey: Uint8Array;
  previousKeys: readonly Uint8Array[];
  clock: Clock;
  actorLabel: string;
}): Promise<{ rewrapped: number; unreadable: string[] }> {
  const currentKeyId = secretKeyId(options.masterKey);
  const sealed = await options.db
    .select({ id: users.id, secret: users.totpSecretEncrypted })
    .from(users)
    .where(isNotNull(users.totpSecretEncrypted));
  let rewrapped = 0;
  // Secrets no configured key opens (a key dropped too early): listed, the rest still rewrapped.
  const unreadable: string[] = [];
  for (const row of sealed) {
    if (!row.secret || sealedKeyId(row.secret) === currentKeyId) continue;
    let plain: Uint8Array;
    try {
      plain = openSecret(options.masterKey, TOTP_SEAL_PURPOSE, row.secret, options.previousKeys);
    } catch {
      unreadable.push(row.id);
      continue;
    }
    try {
      // Only if the user did not re-enrol or reset meanwhile.
      const updated = await options.db
        .update(users)
        .set({ totpSecretEncrypted: sealSecret(options.masterKey, TOTP_SEAL_PURPOSE, plain) })
        .where(and(eq(users.id, row.id), eq(users.totpSecretEncrypted, row.secret)))
        .returning({ id: users.id });
      rewrapped += updated.length;
    } finally {
      plain.fill(0);
    }
  }
  await appendAuditEvent(options.db, {
    actorType: "system",
    actorLabel: options.actorLabel,
    action: "auth.totp_rewrap",
    outcome: unreadable.length === 0 ? "success" : "failure",
    occurredAt: options.clock.now(),
    details: { rewrapped, unreadable: unreadable.length, currentKeyId },
  });
  return { rewrapped, unreadable };
}
