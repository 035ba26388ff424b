import type { DbOrTx } from "@kuulo/db/client";
import { disclosureRecordings, disclosures } from "@kuulo/db/schema";
import type { UserActor } from "@kuulo/domain/access";
import { isDisclosureActive } from "@kuulo/domain/disclosure";
import { and, eq, inArray, isNull } from "drizzle-orm";

export interface ActiveTrainingDisclosure {
  id: string;
  validFrom: Date | null;
  validUntil: Date | null;
  /** Set when the disclosure was made of a whole playlist. */
  playlistId: string | null;
  recordingIds: string[];
}

/**
 * The training disclosures made to this external trainer that are active now (R6a): approved, not revoked,
 * inside the validity window. Checked again here, not only when the session was loaded.
 */
export async function activeDisclosuresOfActor(
  db: DbOrTx,
  actor: UserActor,
  now: Date,
): Promise<ActiveTrainingDisclosure[]> {
  const rows = await db
    .select()
    .from(disclosures)
    .where(
      and(
        eq(disclosures.externalUserId, actor.userId),
        eq(disclosures.kind, "training"),
        eq(disclosures.status, "active"),
        isNull(disclosures.revokedAt),
      ),
    );
  const active = rows.filter((row) => isDisclosureActive(row, now));
  if (active.length === 0) return [];
  const links = await db
    .select()
    .from(disclosureRecordings)
    .where(
      inArray(
        disclosureRecordings.disclosureId,
        active.map((row) => row.id),
      ),
    );
  return active.map((row) => {
    const playlistId = row.fields.playlistId;
    return {
      id: row.id,
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      playlistId: typeof playlistId === "string" ? playlistId : null,
      recordingIds: links.filter((link) => link.disclosureId === row.id).map((link) => link.recordingId),
    };
  });
}
