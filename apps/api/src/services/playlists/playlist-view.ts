import type { DbOrTx } from "@kuulo/db/client";
import {
  type Playlist,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
  staffMembers,
  units,
  users,
} from "@kuulo/db/schema";
import { asc, eq, inArray, sql } from "drizzle-orm";

export interface PlaylistSummary {
  id: string;
  title: string;
  description: string;
  unitId: string;
  unitName: string;
  status: "draft" | "published";
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: { id: string; name: string } | null;
  itemCount: number;
  /** Items whose recording was purged under retention (or otherwise removed). */
  removedItemCount: number;
  assignmentCount: number;
}

/** What a trainer sees of a recording inside a playlist: R3 staff data and call time, never customer data. */
export interface RecordingSummary {
  id: string;
  unitId: string;
  callStartedAt: string;
  durationMs: number;
  staffName: string;
  staffUsername: string;
}

export interface PlaylistItemView {
  id: string;
  position: number;
  clipStartMs: number;
  /** null = to the end of the recording (only on items kept from before clip ends were required). */
  clipEndMs: number | null;
  note: string;
  /** null when the recording is gone; then `removedReason` says why ("retention" = removed under retention). */
  recording: RecordingSummary | null;
  removedReason: string | null;
}

export interface AssignmentView {
  id: string;
  kind: "unit" | "user";
  unitId: string | null;
  unitName: string | null;
  userId: string | null;
  userName: string | null;
  username: string | null;
  assignedAt: string;
  dueOn: string | null;
}

export interface PlaylistDetail extends PlaylistSummary {
  items: PlaylistItemView[];
  assignments: AssignmentView[];
}

const countBy = async (db: DbOrTx, ids: string[]) => {
  const items = await db
    .select({
      playlistId: playlistItems.playlistId,
      total: sql<number>`count(*)::int`,
      removed: sql<number>`count(*) filter (where ${playlistItems.recordingId} is null)::int`,
    })
    .from(playlistItems)
    .where(inArray(playlistItems.playlistId, ids))
    .groupBy(playlistItems.playlistId);
  const assignments = await db
    .select({ playlistId: playlistAssignments.playlistId, total: sql<number>`count(*)::int` })
    .from(playlistAssignments)
    .where(inArray(playlistAssignments.playlistId, ids))
    .groupBy(playlistAssignments.playlistId);
  return {
    items: new Map(items.map((row) => [row.playlistId, row])),
    assignments: new Map(assignments.map((row) => [row.playlistId, row.total])),
  };
};

/** Summaries of the given playlists, in the order of `ids`. */
export async function loadPlaylistSummaries(db: DbOrTx, ids: readonly string[]): Promise<PlaylistSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ playlist: playlists, unitName: units.name, creator: users })
    .from(playlists)
    .innerJoin(units, eq(units.id, playlists.unitId))
    .leftJoin(users, eq(users.id, playlists.createdBy))
    .where(inArray(playlists.id, [...ids]));
  const counts = await countBy(db, [...ids]);
  const byId = new Map(rows.map((row) => [row.playlist.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const itemCounts = counts.items.get(id);
    return [
      toSummary(row.playlist, row.unitName, row.creator, {
        items: itemCounts?.total ?? 0,
        removed: itemCounts?.removed ?? 0,
        assignments: counts.assignments.get(id) ?? 0,
      }),
    ];
  });
}

function toSummary(
  playlist: Playlist,
  unitName: string,
  creator: { id: string; firstName: string; lastName: string } | null,
  counts: { items: number; removed: number; assignments: number },
): PlaylistSummary {
  return {
    id: playlist.id,
    title: playlist.title,
    description: playlist.description,
    unitId: playlist.unitId,
    unitName,
    status: playlist.status,
    publishedAt: playlist.publishedAt?.toISOString() ?? null,
    createdAt: playlist.createdAt.toISOString(),
    updatedAt: playlist.updatedAt.toISOString(),
    createdBy: creator ? { id: creator.id, name: `${creator.firstName} ${creator.lastName}` } : null,
    itemCount: counts.items,
    removedItemCount: counts.removed,
    assignmentCount: counts.assignments,
  };
}

/** The items in order, each with its recording or the reason it is gone. */
export async function loadPlaylistItems(db: DbOrTx, playlistId: string): Promise<PlaylistItemView[]> {
  const rows = await db
    .select({ item: playlistItems, recording: recordings, staff: staffMembers })
    .from(playlistItems)
    .leftJoin(recordings, eq(recordings.id, playlistItems.recordingId))
    .leftJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .where(eq(playlistItems.playlistId, playlistId))
    .orderBy(asc(playlistItems.position), asc(playlistItems.createdAt));
  return rows.map(({ item, recording, staff }) => {
    const gone = !recording || recording.deletedAt !== null;
    return {
      id: item.id,
      position: item.position,
      clipStartMs: item.clipStartMs,
      clipEndMs: item.clipEndMs,
      note: item.note,
      recording:
        gone || !staff
          ? null
          : {
              id: recording.id,
              unitId: recording.unitId,
              callStartedAt: recording.callStartedAt.toISOString(),
              durationMs: recording.durationMs,
              staffName: `${staff.firstName} ${staff.lastName}`,
              staffUsername: staff.username,
            },
      removedReason: item.removedReason ?? (gone ? "deleted" : null),
    };
  });
}

export async function loadAssignments(db: DbOrTx, playlistId: string): Promise<AssignmentView[]> {
  const rows = await db
    .select({ assignment: playlistAssignments, unit: units, user: users })
    .from(playlistAssignments)
    .leftJoin(units, eq(units.id, playlistAssignments.unitId))
    .leftJoin(users, eq(users.id, playlistAssignments.userId))
    .where(eq(playlistAssignments.playlistId, playlistId))
    .orderBy(asc(playlistAssignments.assignedAt), asc(playlistAssignments.id));
  return rows.map(({ assignment, unit, user }) => ({
    id: assignment.id,
    kind: assignment.unitId ? "unit" : "user",
    unitId: assignment.unitId,
    unitName: unit?.name ?? null,
    userId: assignment.userId,
    userName: user ? `${user.firstName} ${user.lastName}` : null,
    username: user?.username ?? null,
    assignedAt: assignment.assignedAt.toISOString(),
    dueOn: assignment.dueOn,
  }));
}

export async function loadPlaylistDetail(db: DbOrTx, playlistId: string): Promise<PlaylistDetail> {
  const [summary] = await loadPlaylistSummaries(db, [playlistId]);
  if (!summary) throw new Error(`playlist ${playlistId} vanished`);
  return {
    ...summary,
    items: await loadPlaylistItems(db, playlistId),
    assignments: await loadAssignments(db, playlistId),
  };
}
