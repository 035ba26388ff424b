import { playlistAssignments, playlists, qualityDisputes, qualityEvaluations } from "@kuulo/db/schema";
import { calendarDay } from "@kuulo/domain/inbox";
import { and, count, eq, gt, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { playlistProgress } from "../playlists/progress.js";
import { samplingQueue } from "../quality/sampling.js";
import { unitScope } from "../shared/authorize.js";
import { myPlaylists } from "../training/my-playlists.js";
import type { InboxFinder, InboxItem } from "./inbox-item.js";

const QUEUE_PAGE = 100;

/** This month's sampled calls still to review, as one line with a count (no names: it is a queue). */
export const reviewQueue: InboxFinder = async (ctx) => {
  const queue = await samplingQueue({ ctx, input: { limit: QUEUE_PAGE } });
  if (queue.items.length === 0) return [];
  return [
    {
      kind: "review_queue",
      key: `review_queue:${queue.period}`,
      app: "training",
      path: "/quality",
      at: queue.dueAt,
      count: queue.items.length,
      names: {},
    },
  ];
};

/** Open disputes in the reviewer's units: a count only, so the inbox reads no evaluation content. */
export const openDisputes: InboxFinder = async (ctx) => {
  const scope = unitScope(ctx, "evaluation.resolve");
  if (!scope.all && scope.unitIds.length === 0) return [];
  const [row] = await ctx.db
    .select({ total: count() })
    .from(qualityDisputes)
    .where(
      and(
        eq(qualityDisputes.status, "open"),
        scope.all ? undefined : inArray(qualityDisputes.unitId, scope.unitIds),
      ),
    );
  const total = row?.total ?? 0;
  if (total === 0) return [];
  return [
    {
      kind: "dispute_open",
      key: "dispute_open",
      app: "training",
      path: "/quality",
      at: null,
      count: total,
      names: {},
    },
  ];
};

/** Per playlist of the trainer's units: how many assignees are past their due day and not finished. */
export const overdueAssignments: InboxFinder = async (ctx, { now }) => {
  const scope = unitScope(ctx, "progress.read");
  if (!scope.all && scope.unitIds.length === 0) return [];
  const candidates = await ctx.db
    .selectDistinct({ id: playlists.id })
    .from(playlistAssignments)
    .innerJoin(playlists, eq(playlists.id, playlistAssignments.playlistId))
    .where(
      and(
        isNotNull(playlistAssignments.dueOn),
        lt(playlistAssignments.dueOn, calendarDay(now)),
        scope.all ? undefined : inArray(playlists.unitId, scope.unitIds),
      ),
    );
  const items: InboxItem[] = [];
  for (const candidate of candidates) {
    // The same computation as the progress view, so the inbox and the view never disagree.
    const progress = await playlistProgress({ ctx, input: { playlistId: candidate.id } });
    const overdue = progress.assignees.filter((assignee) => assignee.overdue);
    if (overdue.length === 0) continue;
    const firstDue = overdue.map((assignee) => assignee.dueOn ?? "").sort()[0] ?? null;
    items.push({
      kind: "assignment_overdue",
      key: `assignment_overdue:${progress.playlistId}`,
      app: "training",
      path: `/playlists/${progress.playlistId}/progress`,
      at: firstDue,
      count: overdue.length,
      names: {
        playlist: progress.title,
        ...(overdue.length === 1 ? { person: overdue[0]?.name ?? "" } : {}),
      },
    });
  }
  return items;
};

/** My unfinished training that is new since my last look, or past its due day. */
export const myNewAssignments: InboxFinder = async (ctx, { since }) => {
  const { items } = await myPlaylists({ ctx });
  return items
    .filter((item) => !item.completed && (Date.parse(item.assignedAt) > since.getTime() || item.overdue))
    .map((item) => ({
      kind: "assignment_new",
      key: `assignment_new:${item.id}`,
      app: "training",
      path: `/training/${item.id}`,
      at: item.dueOn,
      count: null,
      names: { playlist: item.title, ...(item.overdue ? { overdue: true } : {}) },
    }));
};

/** New evaluations of my own calls since my last look (quality review on): a count, read on My calls. */
export const myNewFeedback: InboxFinder = async (ctx, { since }) => {
  const staffMemberId = ctx.auth.actor.staffMemberId;
  if (!staffMemberId) return [];
  const [row] = await ctx.db
    .select({ total: count() })
    .from(qualityEvaluations)
    .where(
      and(
        eq(qualityEvaluations.staffMemberId, staffMemberId),
        isNull(qualityEvaluations.calibrationId),
        gt(qualityEvaluations.createdAt, since),
      ),
    );
  const total = row?.total ?? 0;
  if (total === 0) return [];
  return [
    {
      kind: "feedback_new",
      key: `feedback_new:${since.toISOString()}`,
      app: "training",
      path: "/my-calls",
      at: null,
      count: total,
      names: {},
    },
  ];
};
