import { playlists, recordings, units } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import { eq, inArray, sql } from "drizzle-orm";
import { loadPlaylistItems } from "../playlists/playlist-view.js";
import {
  activeDisclosuresOf,
  clipWindow,
  decideRecordingAccess,
  isPlaylistAssignedTo,
} from "../recordings/recording-access.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
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
  /**
   * What the audio and peaks routes serve this person for the item: null = the whole recording; else only
   * this window of it (milliseconds of the recording), played from 0 (R10: a clip is all a clip grants).
   */
  audioWindow: { startMs: number; endMs: number } | null;
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
  const assigned = await isPlaylistAssignedTo(ctx.db, actor, playlist.id);
  const disclosures = await activeDisclosuresOf(ctx.db, actor, ctx.clock.now());
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
  const facts =
    recordingIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: recordings.id,
            unitId: recordings.unitId,
            organisationId: units.organisationId,
            staffMemberId: recordings.staffMemberId,
            durationMs: recordings.durationMs,
            hasPeaks: sql<boolean>`${recordings.peaks} is not null`,
          })
          .from(recordings)
          .innerJoin(units, eq(units.id, recordings.unitId))
          .where(inArray(recordings.id, recordingIds));
  const withPeaks = new Set(facts.filter((fact) => fact.hasPeaks).map((fact) => fact.id));
  // The same answer the audio route gives: whole call, or only the clips of the items that reach me.
  const reaches = new Map<string, Awaited<ReturnType<typeof decideRecordingAccess>>>();
  for (const fact of facts) {
    reaches.set(fact.id, await decideRecordingAccess(ctx.db, actor, "recording.listen", fact));
  }
  const audioWindowOf = (itemId: string, recordingId: string, durationMs: number) => {
    const reach = reaches.get(recordingId);
    const clip = reach?.allowed && reach.clips ? reach.clips.find((c) => c.itemId === itemId) : undefined;
    return clip ? clipWindow(clip, durationMs) : null;
  };
  const progressRows = await loadProgressRows(
    ctx.db,
    [ctx.auth.user.id],
    items.map((item) => item.id),
  );
  const views: TrainingItemView[] = items.map((item) => {
    if (!item.recording) {
      return { ...item, clipEndMs: null, recording: null, progress: null, audioWindow: null };
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
      audioWindow: audioWindowOf(item.id, item.recording.id, item.recording.durationMs),
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
