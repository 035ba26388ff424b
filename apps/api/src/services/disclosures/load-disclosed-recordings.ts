import type { DbOrTx } from "@kuulo/db/client";
import { playlistItems, playlists, recordings } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface SelectedRecording {
  id: string;
  unitId: string;
  callStartedAt: Date;
  durationMs: number;
}

/**
 * The recordings a disclosure names, each checked against the actor's unit scope (IDOR) and refused
 * when unknown or already purged; the refusal names the recording.
 */
export async function loadSelectedRecordings(
  ctx: AuthedContext,
  db: DbOrTx,
  recordingIds: readonly string[],
  permission: Permission,
): Promise<SelectedRecording[]> {
  if (recordingIds.length === 0) return [];
  const rows = await db
    .select({
      id: recordings.id,
      unitId: recordings.unitId,
      callStartedAt: recordings.callStartedAt,
      durationMs: recordings.durationMs,
      deletedAt: recordings.deletedAt,
    })
    .from(recordings)
    .where(inArray(recordings.id, [...recordingIds]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const selected: SelectedRecording[] = [];
  for (const [index, id] of recordingIds.entries()) {
    const row = byId.get(id);
    if (!row || row.deletedAt) {
      throw new DomainError("NOT_FOUND", `Recording ${id} does not exist or has been erased`, {
        field: `recordingIds.${index}`,
        reason: "recording.not_found",
      });
    }
    await authorize(ctx, permission, { unitId: row.unitId }, { type: "recording", id });
    selected.push({ id, unitId: row.unitId, callStartedAt: row.callStartedAt, durationMs: row.durationMs });
  }
  return selected;
}

/** The live recordings of a playlist within the actor's scope (items removed under retention are skipped). */
export async function recordingIdsOfPlaylist(
  ctx: AuthedContext,
  db: DbOrTx,
  playlistId: string,
  permission: Permission,
): Promise<string[]> {
  const [playlist] = await db
    .select({ id: playlists.id, unitId: playlists.unitId })
    .from(playlists)
    .where(eq(playlists.id, playlistId));
  if (!playlist) {
    throw new DomainError("NOT_FOUND", "No such playlist", {
      field: "playlistId",
      reason: "playlist.not_found",
    });
  }
  await authorize(ctx, permission, { unitId: playlist.unitId }, { type: "playlist", id: playlist.id });
  const items = await db
    .select({ recordingId: playlistItems.recordingId })
    .from(playlistItems)
    .where(and(eq(playlistItems.playlistId, playlistId), isNotNull(playlistItems.recordingId)))
    .orderBy(playlistItems.position);
  const ids = [...new Set(items.map((item) => item.recordingId).filter((id): id is string => id !== null))];
  if (ids.length === 0) {
    throw new DomainError("VALIDATION", 'Field "playlistId" names a playlist without recordings (R6)', {
      field: "playlistId",
      rule: "R6",
      reason: "disclosure.playlist_empty",
    });
  }
  return ids;
}
