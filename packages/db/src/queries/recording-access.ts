import { isDisclosureActive } from "@kuulo/domain/disclosure";
import { and, eq, inArray, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { disclosureRecordings, disclosures } from "../schema/disclosures.js";
import { playlistAssignments, playlistItems, playlists } from "../schema/playlists.js";
import { recordings } from "../schema/recordings.js";

/**
 * The SQL twin of the API's recording access module (R10): the facts the domain's `decide()` needs,
 * as conditions, so a list and a single-recording answer are the same query. Deciding stays in the
 * domain; these only say which rows carry a fact.
 */

/** Who an assignment must name to reach a person: them, or a unit they hold an employee grant in. */
export interface Assignee {
  userId: string;
  /** Units of the person's employee grants. */
  unitIds: string[];
  /** An employee grant without a unit: every unit's assignment reaches them. */
  allUnits?: boolean | undefined;
}

/**
 * What the caller may see, resolved by the access policy before the query (deny by default): every
 * recording, or those of some units, some staff members (a person's own calls), items of published
 * playlists assigned to the person, and recordings of some (active) disclosures. Empty = nothing.
 */
export type RecordingScope =
  | { all: true }
  | {
      all: false;
      unitIds: string[];
      staffMemberIds: string[];
      /** "assigned": items of published playlists assigned to this person. */
      assignedTo?: Assignee | undefined;
      /** "disclosed": recordings selected in these (active) disclosures. */
      disclosureIds?: string[] | undefined;
    };

/** An assignment row (playlist_assignments) that reaches the person. */
export function assignmentReaches(assignee: Assignee): SQL {
  const byUnit = assignee.allUnits
    ? isNotNull(playlistAssignments.unitId)
    : assignee.unitIds.length > 0
      ? inArray(playlistAssignments.unitId, assignee.unitIds)
      : sql`false`;
  return or(eq(playlistAssignments.userId, assignee.userId), byUnit) ?? sql`false`;
}

/** A playlist (row of `playlists`) that is published and assigned to the person. */
export function playlistAssignedTo(db: DbOrTx, assignee: Assignee): SQL {
  const assignment = db
    .select({ one: sql`1` })
    .from(playlistAssignments)
    .where(and(eq(playlistAssignments.playlistId, playlists.id), assignmentReaches(assignee)));
  return and(eq(playlists.status, "published"), sql`exists (${assignment})`) ?? sql`false`;
}

/** Live items of published playlists assigned to the person; `recordingId` narrows to one recording. */
export function assignedItemsQuery(db: DbOrTx, assignee: Assignee, recordingId?: string) {
  return db
    .select({
      itemId: playlistItems.id,
      playlistId: playlistItems.playlistId,
      position: playlistItems.position,
      recordingId: playlistItems.recordingId,
      clipStartMs: playlistItems.clipStartMs,
      clipEndMs: playlistItems.clipEndMs,
    })
    .from(playlistItems)
    .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
    .where(
      and(
        recordingId === undefined
          ? isNotNull(playlistItems.recordingId)
          : eq(playlistItems.recordingId, recordingId),
        playlistAssignedTo(db, assignee),
      ),
    );
}

/** The scope as one SQL condition on `recordings`: undefined = no restriction, "nothing" = empty result. */
export function recordingScopeCondition(db: DbOrTx, scope: RecordingScope): SQL | undefined | "nothing" {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) parts.push(inArray(recordings.unitId, scope.unitIds));
  if (scope.staffMemberIds.length > 0) parts.push(inArray(recordings.staffMemberId, scope.staffMemberIds));
  if (scope.assignedTo) {
    const assigned = db
      .select({ recordingId: playlistItems.recordingId })
      .from(playlistItems)
      .innerJoin(playlists, eq(playlists.id, playlistItems.playlistId))
      .where(and(isNotNull(playlistItems.recordingId), playlistAssignedTo(db, scope.assignedTo)));
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

/** Which of these disclosures list the recording: the "disclosed" fact for one recording. */
export async function disclosuresListing(
  db: DbOrTx,
  disclosureIds: readonly string[],
  recordingId: string,
): Promise<string[]> {
  if (disclosureIds.length === 0) return [];
  const rows = await db
    .select({ id: disclosureRecordings.disclosureId })
    .from(disclosureRecordings)
    .where(
      and(
        eq(disclosureRecordings.recordingId, recordingId),
        inArray(disclosureRecordings.disclosureId, [...disclosureIds]),
      ),
    );
  return rows.map((row) => row.id).sort();
}

export interface ActiveTrainingDisclosure {
  id: string;
  validFrom: Date | null;
  validUntil: Date | null;
  /** Set when the disclosure was made of a whole playlist. */
  playlistId: string | null;
  recordingIds: string[];
}

/**
 * The training disclosures made to this external trainer that are active at `now` (R6a), as the domain's
 * `isDisclosureActive` decides it. The one place that reads "active training disclosure".
 */
export async function activeTrainingDisclosures(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<ActiveTrainingDisclosure[]> {
  const rows = await db
    .select()
    .from(disclosures)
    .where(and(eq(disclosures.externalUserId, userId), eq(disclosures.kind, "training")));
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
  return active
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    .map((row) => {
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
