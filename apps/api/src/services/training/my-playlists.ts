import { assignmentReaches } from "@kuulo/db/queries";
import { playlistAssignments, playlistItems, playlists, recordings, units } from "@kuulo/db/schema";
import { scopeOf } from "@kuulo/domain/access";
import { earliestDueDay, isOverdue } from "@kuulo/domain/inbox";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { assigneeOf } from "../recordings/recording-access.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadProgressRows } from "./item-progress.js";

export interface MyPlaylist {
  id: string;
  title: string;
  description: string;
  unitName: string;
  publishedAt: string | null;
  /** The latest assignment that reaches me. */
  assignedAt: string;
  via: ("unit" | "user")[];
  itemsTotal: number;
  itemsCompleted: number;
  listenedMs: number;
  lastActivityAt: string | null;
  completed: boolean;
  /** The earliest due day of the assignments that reach me (null: no due day). */
  dueOn: string | null;
  /** Not completed and the due day has passed. */
  overdue: boolean;
}

/**
 * "My training": published playlists assigned to me by name or to a unit I am an employee in, with my
 * progress; unfinished first, then the newest.
 */
export async function myPlaylists({ ctx }: { ctx: AuthedContext }): Promise<{ items: MyPlaylist[] }> {
  // Only a person the domain lets reach playlists by assignment has a "My training" list at all.
  if (!scopeOf(ctx.auth.actor, "playlist.read").relations.includes("assigned")) return { items: [] };
  const rows = await ctx.db
    .select({ playlist: playlists, unitName: units.name, assignment: playlistAssignments })
    .from(playlistAssignments)
    .innerJoin(playlists, eq(playlists.id, playlistAssignments.playlistId))
    .innerJoin(units, eq(units.id, playlists.unitId))
    .where(and(eq(playlists.status, "published"), assignmentReaches(assigneeOf(ctx.auth.actor))));
  const byPlaylist = new Map<
    string,
    { row: (typeof rows)[number]; via: Set<"unit" | "user">; assignedAt: Date; dueOn: string | null }
  >();
  for (const row of rows) {
    const entry = byPlaylist.get(row.playlist.id) ?? {
      row,
      via: new Set(),
      assignedAt: row.assignment.assignedAt,
      dueOn: null,
    };
    entry.dueOn = earliestDueDay(entry.dueOn, row.assignment.dueOn);
    entry.via.add(row.assignment.userId ? "user" : "unit");
    if (row.assignment.assignedAt > entry.assignedAt) entry.assignedAt = row.assignment.assignedAt;
    byPlaylist.set(row.playlist.id, entry);
  }
  const ids = [...byPlaylist.keys()];
  // Items whose recording is gone cannot be played, so they count neither as done nor as to do.
  const items =
    ids.length === 0
      ? []
      : await ctx.db
          .select({ id: playlistItems.id, playlistId: playlistItems.playlistId })
          .from(playlistItems)
          .innerJoin(recordings, eq(recordings.id, playlistItems.recordingId))
          .where(and(inArray(playlistItems.playlistId, ids), isNull(recordings.deletedAt)));
  const progress = await loadProgressRows(
    ctx.db,
    [ctx.auth.user.id],
    items.map((item) => item.id),
  );
  const today = ctx.clock.now();
  const result = [...byPlaylist.values()].map(({ row, via, assignedAt, dueOn }): MyPlaylist => {
    const itemIds = new Set(
      items.filter((item) => item.playlistId === row.playlist.id).map((item) => item.id),
    );
    const mine = progress.filter((entry) => itemIds.has(entry.playlistItemId));
    const completedCount = mine.filter((entry) => entry.completedAt !== null).length;
    const last = mine.map((entry) => entry.updatedAt.getTime()).sort((a, b) => b - a)[0];
    return {
      id: row.playlist.id,
      title: row.playlist.title,
      description: row.playlist.description,
      unitName: row.unitName,
      publishedAt: row.playlist.publishedAt?.toISOString() ?? null,
      assignedAt: assignedAt.toISOString(),
      via: [...via].sort(),
      itemsTotal: itemIds.size,
      itemsCompleted: completedCount,
      listenedMs: mine.reduce((sum, entry) => sum + entry.listenedMs, 0),
      lastActivityAt: last === undefined ? null : new Date(last).toISOString(),
      completed: itemIds.size > 0 && completedCount === itemIds.size,
      dueOn,
      overdue:
        dueOn !== null && !(itemIds.size > 0 && completedCount === itemIds.size) && isOverdue(dueOn, today),
    };
  });
  const newest = (entry: MyPlaylist) =>
    Math.max(Date.parse(entry.assignedAt), entry.publishedAt ? Date.parse(entry.publishedAt) : 0);
  result.sort(
    (a, b) => Number(a.completed) - Number(b.completed) || newest(b) - newest(a) || a.id.localeCompare(b.id),
  );
  return { items: result };
}
