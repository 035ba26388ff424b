import { playlists, recordings, units } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { AuthedContext } from "../../trpc/procedures.js";
import { loadPlaylistItems } from "../playlists/playlist-view.js";
import { authorize } from "../shared/authorize.js";
import { isPlaylistAssignedToActor } from "./assigned-to-actor.js";
import { activeDisclosuresOfActor } from "./disclosures-of-actor.js";
import { effectiveClip, type ItemProgress, loadProgressRows, toItemProgress } from "./item-progress.js";
import { resumePoint } from "./resume-point.js";

/** What a learner sees of a recording: when and how long, never who else is in it beyond the audio. */
export interface TrainingRecording {
  id: string;
  callStartedAt: string;
  durationMs: number;
  hasPeaks: boolean;
}

export interface TrainingItemView {
  id: string;
  position: number;
  clipStartMs: number;
  /** The effective end (the recording's end when the item has none); null when the item was removed. */
  clipEndMs: number | null;
  note: string;
  recording: TrainingRecording | null;
  /** "retention" = removed under retention; the item keeps its place and note. */
  removedReason: string | null;
  progress: ItemProgress | null;
}

export interface TrainingPlaylistView {
  id: string;
  title: string;
  description: string;
  unitName: string;
  status: "draft" | "published";
  publishedAt: string | null;
  /** How the caller reaches it: assigned (learner), disclosed (external trainer) or unit (trainer preview). */
  access: "assigned" | "disclosed" | "unit";
  items: TrainingItemView[];
  itemsTotal: number;
  itemsCompleted: number;
  listenedMs: number;
  resume: { itemId: string; positionMs: number } | null;
}

/** One playlist in the player: assigned to me (or disclosed to me, or in my units as a trainer). */
export async function trainingPlaylist({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { playlistId: string };
}): Promise<TrainingPlaylistView> {
  const [row] = await ctx.db
    .select({ playlist: playlists, unitName: units.name })
    .from(playlists)
    .innerJoin(units, eq(units.id, playlists.unitId))
    .where(eq(playlists.id, input.playlistId));
  if (!row) throw notFound("Playlist");
  const { playlist } = row;
  const actor = ctx.auth.actor;
  const assigned = await isPlaylistAssignedToActor(ctx.db, actor, playlist.id);
  const disclosures =
    actor.disclosureIds.length > 0 ? await activeDisclosuresOfActor(ctx.db, actor, ctx.clock.now()) : [];
  const disclosing = disclosures.filter((disclosure) => disclosure.playlistId === playlist.id);
  await authorize(
    ctx,
    "playlist.read",
    { unitId: playlist.unitId, assignedToActor: assigned, disclosedToActor: disclosing.length > 0 },
    { type: "playlist", id: playlist.id },
  );
  const access = assigned ? "assigned" : disclosing.length > 0 ? "disclosed" : "unit";
  let items = await loadPlaylistItems(ctx.db, playlist.id);
  if (access === "disclosed") {
    // An external trainer hears only the recordings the disclosure names.
    const disclosed = new Set(disclosing.flatMap((disclosure) => disclosure.recordingIds));
    items = items.filter((item) => item.recording !== null && disclosed.has(item.recording.id));
  }
  const recordingIds = items.flatMap((item) => (item.recording ? [item.recording.id] : []));
  const peaks =
    recordingIds.length === 0
      ? []
      : await ctx.db
          .select({ id: recordings.id })
          .from(recordings)
          .where(and(inArray(recordings.id, recordingIds), isNotNull(recordings.peaks)));
  const withPeaks = new Set(peaks.map((peak) => peak.id));
  const progressRows = await loadProgressRows(
    ctx.db,
    [ctx.auth.user.id],
    items.map((item) => item.id),
  );
  const views: TrainingItemView[] = items.map((item) => {
    if (!item.recording) {
      return { ...item, clipEndMs: null, recording: null, progress: null };
    }
    const clip = effectiveClip(item, item.recording.durationMs);
    const progressRow = progressRows.find((progress) => progress.playlistItemId === item.id);
    return {
      id: item.id,
      position: item.position,
      clipStartMs: clip.startMs,
      clipEndMs: clip.endMs,
      note: item.note,
      recording: {
        id: item.recording.id,
        callStartedAt: item.recording.callStartedAt,
        durationMs: item.recording.durationMs,
        hasPeaks: withPeaks.has(item.recording.id),
      },
      removedReason: null,
      progress: toItemProgress(progressRow, clip.startMs),
    };
  });
  const playable = views.filter((view) => view.progress !== null);
  return {
    id: playlist.id,
    title: playlist.title,
    description: playlist.description,
    unitName: row.unitName,
    status: playlist.status,
    publishedAt: playlist.publishedAt?.toISOString() ?? null,
    access,
    items: views,
    itemsTotal: playable.length,
    itemsCompleted: playable.filter((view) => view.progress?.completed).length,
    listenedMs: playable.reduce((sum, view) => sum + (view.progress?.listenedMs ?? 0), 0),
    resume: resumePoint(views),
  };
}
