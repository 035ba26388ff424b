import type { DbOrTx } from "@kuulo/db/client";
import type { RecordingSummary } from "@kuulo/db/queries";
import { recordings, staffMembers, units } from "@kuulo/db/schema";
import { eq, isNotNull, sql } from "drizzle-orm";

/** One row of a search result: who took the call, where, when, how long. */
export interface RecordingListItemView {
  id: string;
  callStartedAt: string;
  durationMs: number;
  storedFormat: string;
  legalHold: boolean;
  unit: { id: string; code: string; name: string };
  staffMember: { id: string; firstName: string; lastName: string; username: string };
}

/** One recording's metadata: R3 staff data, the unit, technical metadata, hold and retention. */
export interface RecordingDetailView extends RecordingListItemView {
  staffMember: RecordingListItemView["staffMember"] & { phoneNumber: string | null };
  originalFormat: string;
  originalSizeBytes: number;
  storedSizeBytes: number;
  ingestedAt: string;
  peaksAvailable: boolean;
  retentionCategory: string;
  /** When the purge will remove it (R13); null while held or not yet computed. */
  purgeDueAt: string | null;
}

export const toRecordingListItemView = (row: RecordingSummary): RecordingListItemView => ({
  id: row.id,
  callStartedAt: row.callStartedAt.toISOString(),
  durationMs: row.durationMs,
  storedFormat: row.storedFormat,
  legalHold: row.legalHold,
  unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
  staffMember: {
    id: row.staffMemberId,
    firstName: row.staffFirstName,
    lastName: row.staffLastName,
    username: row.staffUsername,
  },
});

/** The recording with the facts its access check needs (unit, organisation, owner), or null. */
export async function loadRecordingDetail(
  db: DbOrTx,
  recordingId: string,
): Promise<{ view: RecordingDetailView; organisationId: string; deleted: boolean } | null> {
  const [row] = await db
    .select({
      id: recordings.id,
      callStartedAt: recordings.callStartedAt,
      durationMs: recordings.durationMs,
      storedFormat: recordings.storedFormat,
      originalFormat: recordings.originalFormat,
      originalSizeBytes: recordings.originalSizeBytes,
      storedSizeBytes: recordings.storedSizeBytes,
      ingestedAt: recordings.ingestedAt,
      legalHold: recordings.legalHold,
      retentionCategory: recordings.retentionCategory,
      purgeDueAt: recordings.purgeDueAt,
      deletedAt: recordings.deletedAt,
      // Only whether peaks exist: the array itself is served by the peaks endpoint.
      peaksAvailable: sql<boolean>`${isNotNull(recordings.peaks)}`,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      organisationId: units.organisationId,
      staffMemberId: staffMembers.id,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
      username: staffMembers.username,
      phoneNumber: staffMembers.phoneNumber,
    })
    .from(recordings)
    .innerJoin(units, eq(units.id, recordings.unitId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .where(eq(recordings.id, recordingId));
  if (!row) return null;
  return {
    organisationId: row.organisationId,
    deleted: row.deletedAt !== null,
    view: {
      id: row.id,
      callStartedAt: row.callStartedAt.toISOString(),
      durationMs: row.durationMs,
      storedFormat: row.storedFormat,
      originalFormat: row.originalFormat,
      originalSizeBytes: row.originalSizeBytes,
      storedSizeBytes: row.storedSizeBytes,
      ingestedAt: row.ingestedAt.toISOString(),
      legalHold: row.legalHold,
      retentionCategory: row.retentionCategory,
      purgeDueAt: row.purgeDueAt ? row.purgeDueAt.toISOString() : null,
      peaksAvailable: Boolean(row.peaksAvailable),
      unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
      staffMember: {
        id: row.staffMemberId,
        firstName: row.firstName,
        lastName: row.lastName,
        username: row.username,
        phoneNumber: row.phoneNumber,
      },
    },
  };
}
