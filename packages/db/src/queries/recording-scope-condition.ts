import { and, eq, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { disclosureRecordings } from "../schema/disclosures.js";
import { playlistAssignments, playlistItems, playlists } from "../schema/playlists.js";
import { recordings } from "../schema/recordings.js";

/**
 * What the caller may see, resolved by the access policy before the query (deny by default): every
 * recording, or those of some units, some staff members (a person's own calls), recordings in published
 * playlists assigned to a person or their units, and recordings in some disclosures. Empty = nothing.
 */
export type RecordingScope =
  | { all: true }
  | {
      all: false;
      unitIds: string[];
      staffMemberIds: string[];
      /** "assigned": items of published playlists assigned to this user or to one of these units. */
      assignedTo?: { userId: string; unitIds: string[] } | undefined;
      /** "disclosed": recordings selected in these (active) disclosures. */
      disclosureIds?: string[] | undefined;
    };

/** The scope as one SQL condition on `recordings`: undefined = no restriction, "nothing" = empty result. */
export function recordingScopeCondition(db: DbOrTx, scope: RecordingScope): SQL | undefined | "nothing" {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) parts.push(inArray(recordings.unitId, scope.unitIds));
  if (scope.staffMemberIds.length > 0) parts.push(inArray(recordings.staffMemberId, scope.staffMemberIds));
  if (scope.assignedTo) {
    const { userId, unitIds } = scope.assignedTo;
    const assignee =
      unitIds.length > 0
        ? or(eq(playlistAssignments.userId, userId), inArray(playlistAssignments.unitId, unitIds))
        : eq(playlistAssignments.userId, userId);
    const assigned = db
      .select({ recordingId: playlistItems.recordingId })
      .from(playlistItems)
      .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
      .innerJoin(playlistAssignments, eq(playlistAssignments.playlistId, playlists.id))
      .where(and(eq(playlists.status, "published"), isNotNull(playlistItems.recordingId), assignee));
    parts.push(inArray(recordings.id, assigned));
  }
  if (scope.disclosureIds && scope.disclosureIds.length > 0) {
    const disclosed = db
      .select({ recordingId: disclosureRecordings.recordingId })
      .from(disclosureRecordings)
      .where(inArray(disclosureRecordings.disclosureId, scope.disclosureIds));
    parts.push(inArray(recordings.id, disclosed));
  }
  if (parts.length === 0) return "nothing";
  return parts.length === 1 ? parts[0] : or(...parts);
}
