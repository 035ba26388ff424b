import { playlistAssignments, playlistItems, recordings, roleGrants, users } from "@kuulo/db/schema";
import { earliestDueDay, isOverdue } from "@kuulo/domain/inbox";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";
import { effectiveClip, loadProgressRows } from "../training/item-progress.js";
import { loadPlaylistInScope } from "./load-playlist.js";

export interface AssigneeItemProgress {
  itemId: string;
  listenedMs: number;
  completed: boolean;
  completedAt: string | null;
}

export interface AssigneeProgress {
  userId: string;
  name: string;
  username: string;
  via: ("unit" | "user")[];
  itemsTotal: number;
  itemsCompleted: number;
  listenedMs: number;
  lastActivityAt: string | null;
  /** When the last playable item was completed, if all are. */
  completedAt: string | null;
  /** The earliest due day among the assignments that reach this person (null: none). */
  dueOn: string | null;
  /** Not finished and past the due day. */
  overdue: boolean;
  items: AssigneeItemProgress[];
}

export interface PlaylistProgressView {
  playlistId: string;
  title: string;
  status: "draft" | "published";
  /** Playable items in order, with their clip length (for a chart). */
  items: { id: string; position: number; clipMs: number }[];
  assignees: AssigneeProgress[];
  totals: { assignees: number; completed: number; started: number; notStarted: number; overdue: number };
}

/** Each assignee's progress (named people, and the employees of assigned units), for a chart and a table. */
export async function playlistProgress({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string };
}): Promise<PlaylistProgressView> {
  const playlist = await loadPlaylistInScope(ctx, "progress.read", input.playlistId);
  const assignments = await ctx.db
    .select()
    .from(playlistAssignments)
    .where(eq(playlistAssignments.playlistId, playlist.id));
  const via = new Map<string, Set<"unit" | "user">>();
  const due = new Map<string, string | null>();
  const add = (userId: string, kind: "unit" | "user", dueOn: string | null) => {
    via.set(userId, (via.get(userId) ?? new Set()).add(kind));
    due.set(userId, earliestDueDay(due.get(userId) ?? null, dueOn));
  };
  for (const assignment of assignments)
    if (assignment.userId) add(assignment.userId, "user", assignment.dueOn);
  const unitIds = assignments.flatMap((assignment) => (assignment.unitId ? [assignment.unitId] : []));
  if (unitIds.length > 0) {
    const members = await ctx.db
      .select({ userId: roleGrants.userId, unitId: roleGrants.unitId })
      .from(roleGrants)
      .where(
        and(
          inArray(roleGrants.unitId, unitIds),
          eq(roleGrants.role, "employee"),
          isNull(roleGrants.revokedAt),
        ),
      );
    for (const member of members)
      add(
        member.userId,
        "unit",
        assignments.find((assignment) => assignment.unitId === member.unitId)?.dueOn ?? null,
      );
  }
  const userIds = [...via.keys()];
  const people =
    userIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: users.id,
            firstName: users.firstName,
            lastName: users.lastName,
            username: users.username,
          })
          .from(users)
          .where(and(inArray(users.id, userIds), eq(users.status, "active")))
          .orderBy(asc(users.lastName), asc(users.firstName), asc(users.username));
  const items = await ctx.db
    .select({ item: playlistItems, durationMs: recordings.durationMs })
    .from(playlistItems)
    .innerJoin(recordings, eq(recordings.id, playlistItems.recordingId))
    .where(and(eq(playlistItems.playlistId, playlist.id), isNull(recordings.deletedAt)))
    .orderBy(asc(playlistItems.position));
  const progress = await loadProgressRows(
    ctx.db,
    people.map((person) => person.id),
    items.map((row) => row.item.id),
  );
  const now = ctx.clock.now();
  const assignees = people.map((person): AssigneeProgress => {
    const mine = progress.filter((row) => row.userId === person.id);
    const perItem = items.map(({ item }) => {
      const row = mine.find((entry) => entry.playlistItemId === item.id);
      return {
        itemId: item.id,
        listenedMs: row?.listenedMs ?? 0,
        completed: row?.completedAt != null,
        completedAt: row?.completedAt?.toISOString() ?? null,
      };
    });
    const completedCount = perItem.filter((entry) => entry.completed).length;
    const allDone = items.length > 0 && completedCount === items.length;
    const lastActivity = mine.map((row) => row.updatedAt.getTime()).sort((a, b) => b - a)[0];
    const dueOn = due.get(person.id) ?? null;
    return {
      userId: person.id,
      name: `${person.firstName} ${person.lastName}`,
      username: person.username,
      via: [...(via.get(person.id) ?? [])].sort(),
      itemsTotal: items.length,
      itemsCompleted: completedCount,
      listenedMs: perItem.reduce((sum, entry) => sum + entry.listenedMs, 0),
      lastActivityAt: lastActivity === undefined ? null : new Date(lastActivity).toISOString(),
      completedAt: allDone
        ? (perItem
            .map((entry) => entry.completedAt ?? "")
            .sort()
            .at(-1) ?? null)
        : null,
      dueOn,
      overdue: dueOn !== null && !allDone && isOverdue(dueOn, now),
      items: perItem,
    };
  });
  const completed = assignees.filter((assignee) => assignee.completedAt !== null).length;
  const started = assignees.filter(
    (assignee) => assignee.completedAt === null && assignee.lastActivityAt !== null,
  ).length;
  return {
    playlistId: playlist.id,
    title: playlist.title,
    status: playlist.status,
    items: items.map(({ item, durationMs }) => {
      const clip = effectiveClip(item, durationMs);
      return { id: item.id, position: item.position, clipMs: clip.endMs - clip.startMs };
    }),
    assignees,
    totals: {
      assignees: assignees.length,
      completed,
      started,
      notStarted: assignees.length - completed - started,
      overdue: assignees.filter((assignee) => assignee.overdue).length,
    },
  };
}
