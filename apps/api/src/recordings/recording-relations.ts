import type { DbOrTx } from "@kuulo/db/client";
import {
  disclosureRecordings,
  disclosures,
  playlistAssignments,
  playlistItems,
  playlists,
} from "@kuulo/db/schema";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";

/**
 * "assigned" relation (R2): the recording is an item of a PUBLISHED playlist assigned to this user, or
 * to one of their units. Reused by the playlists area and the streaming endpoint.
 */
export async function isRecordingAssignedTo(
  db: DbOrTx,
  recordingId: string,
  person: { userId: string; unitIds: readonly string[] },
): Promise<boolean> {
  const target =
    person.unitIds.length > 0
      ? or(
          eq(playlistAssignments.userId, person.userId),
          inArray(playlistAssignments.unitId, [...person.unitIds]),
        )
      : eq(playlistAssignments.userId, person.userId);
  const rows = await db
    .select({ id: playlistItems.id })
    .from(playlistItems)
    .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
    .innerJoin(playlistAssignments, eq(playlistAssignments.playlistId, playlists.id))
    .where(and(eq(playlistItems.recordingId, recordingId), eq(playlists.status, "published"), target))
    .limit(1);
  return rows.length > 0;
}

/**
 * "disclosed" relation (R6a): an active training disclosure to this external trainer, inside its
 * validity window now, lists the recording. Checked against the table on every request.
 */
export async function isRecordingDisclosedTo(
  db: DbOrTx,
  recordingId: string,
  person: { userId: string },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: disclosures.id })
    .from(disclosureRecordings)
    .innerJoin(disclosures, eq(disclosures.id, disclosureRecordings.disclosureId))
    .where(
      and(
        eq(disclosureRecordings.recordingId, recordingId),
        eq(disclosures.externalUserId, person.userId),
        eq(disclosures.kind, "training"),
        eq(disclosures.status, "active"),
        isNull(disclosures.revokedAt),
        or(isNull(disclosures.validFrom), lte(disclosures.validFrom, now)),
        or(isNull(disclosures.validUntil), gt(disclosures.validUntil, now)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether a playlist (any status) contains the recording as a live item. */
export async function playlistContainsRecording(
  db: DbOrTx,
  playlistId: string,
  recordingId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: playlistItems.id })
    .from(playlistItems)
    .where(and(eq(playlistItems.playlistId, playlistId), eq(playlistItems.recordingId, recordingId)))
    .limit(1);
  return rows.length > 0;
}
