import type { DbOrTx } from "@kuulo/db/client";
import {
  disclosureRecordings,
  disclosures,
  playlistAssignments,
  playlistItems,
  playlists,
} from "@kuulo/db/schema";
import type { UserActor } from "@kuulo/domain/access";
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { assignmentReachesActor } from "../services/training/assigned-to-actor.js";

/**
 * "assigned" relation (R2): the recording is an item of a PUBLISHED playlist assigned to this person by
 * name, or to a unit where they hold an employee grant — the same rule as "My training", so nobody can
 * stream a clip their training list does not show them.
 */
export async function isRecordingAssignedTo(
  db: DbOrTx,
  recordingId: string,
  actor: UserActor,
): Promise<boolean> {
  const rows = await db
    .select({ id: playlistItems.id })
    .from(playlistItems)
    .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
    .innerJoin(playlistAssignments, eq(playlistAssignments.playlistId, playlists.id))
    .where(
      and(
        eq(playlistItems.recordingId, recordingId),
        eq(playlists.status, "published"),
        assignmentReachesActor(actor),
      ),
    )
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
