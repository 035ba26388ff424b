import type { DbOrTx } from "@kuulo/db/client";
import { disclosureRecordings, disclosures } from "@kuulo/db/schema";
import { isDisclosureActive } from "@kuulo/domain/disclosure";
import { and, eq } from "drizzle-orm";

/**
 * The streaming authorization for external trainers (R6a): the id of a training disclosure that, at
 * `now`, lets this person hear this recording, or null. Read on every request, so revocation and the
 * end of the window bite on the next request; the caller audits the listen with this disclosure id.
 */
export async function disclosureGrantingListen(
  db: DbOrTx,
  input: { userId: string; recordingId: string; now: Date },
): Promise<string | null> {
  const rows = await db
    .select({
      id: disclosures.id,
      status: disclosures.status,
      validFrom: disclosures.validFrom,
      validUntil: disclosures.validUntil,
    })
    .from(disclosures)
    .innerJoin(disclosureRecordings, eq(disclosureRecordings.disclosureId, disclosures.id))
    .where(
      and(
        eq(disclosures.kind, "training"),
        eq(disclosures.externalUserId, input.userId),
        eq(disclosureRecordings.recordingId, input.recordingId),
      ),
    );
  return rows.find((row) => isDisclosureActive(row, input.now))?.id ?? null;
}
