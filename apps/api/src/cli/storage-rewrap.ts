import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { recordings } from "@kuulo/db/schema";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { type MasterKeyring, rewrapKey } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";

/**
 * Master key rotation: every data key wrapped by an older master key is unwrapped and wrapped again with
 * the current one (the audio itself is not touched). Afterwards the old key can be removed from config.
 */
export async function rewrapRecordingKeys(options: {
  db: Database;
  keyring: MasterKeyring;
  clock: Clock;
  actorLabel: string;
}): Promise<{ rewrapped: number }> {
  const stale = await options.db
    .select({ id: recordings.id, wrappedDataKey: recordings.wrappedDataKey, keyId: recordings.keyId })
    .from(recordings)
    .where(and(isNotNull(recordings.wrappedDataKey), ne(recordings.keyId, options.keyring.currentKeyId)));
  let rewrapped = 0;
  for (const row of stale) {
    const fresh = rewrapKey(row.wrappedDataKey!, options.keyring);
    // Only if nobody erased or rewrapped it meanwhile.
    const updated = await options.db
      .update(recordings)
      .set({ wrappedDataKey: fresh.wrappedKey, keyId: fresh.keyId })
      .where(
        and(eq(recordings.id, row.id), eq(recordings.keyId, row.keyId), isNotNull(recordings.wrappedDataKey)),
      )
      .returning({ id: recordings.id });
    rewrapped += updated.length;
  }
  await appendAuditEvent(options.db, {
    actorType: "system",
    actorLabel: options.actorLabel,
    action: "storage.rewrap",
    outcome: "success",
    occurredAt: options.clock.now(),
    details: { rewrapped, currentKeyId: options.keyring.currentKeyId },
  });
  return { rewrapped };
}
