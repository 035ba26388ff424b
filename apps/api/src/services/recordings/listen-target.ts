import { playlistItems, recordings, units } from "@kuulo/db/schema";
import { notFound, validationError } from "@kuulo/domain/errors";
import { and, eq } from "drizzle-orm";
import { refuseOutsideScope } from "../shared/refuse-outside-scope.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type ListenRecorded, recordListeningSession } from "./record-listening-session.js";
import { clipWindow, decideRecordingAccess, type ReachVia } from "./recording-access.js";

/** What the plain media routes pass: no transport types, only who asks and when. */
export type ListenContext = Pick<AuthedContext, "auth" | "db" | "clock" | "request">;

export interface ListenInput {
  recordingId: string;
  /** The training path the player names (`?playlist=`), for the audit row and to pick the clip. */
  playlistId: string | null;
  /** The playlist item being played (`?item=`): which clip a clip-only listener gets. */
  itemId: string | null;
}

export interface ListenTarget {
  recording: {
    id: string;
    unitId: string;
    staffMemberId: string;
    storageKey: string;
    wrappedDataKey: Uint8Array;
    storedSizeBytes: number;
    durationMs: number;
    peaks: number[] | null;
  };
  via: ReachVia;
  playlistId: string | null;
  disclosureId: string | null;
  /**
   * null: the whole recording. Otherwise the person reaches the call only through a playlist item and
   * gets this window of it (the clip and its margin, milliseconds of the recording) and nothing else.
   */
  window: { itemId: string; startMs: number; endMs: number; clipStartMs: number; clipEndMs: number } | null;
}

async function playlistContainsRecording(ctx: ListenContext, playlistId: string, recordingId: string) {
  const rows = await ctx.db
    .select({ id: playlistItems.id })
    .from(playlistItems)
    .where(and(eq(playlistItems.playlistId, playlistId), eq(playlistItems.recordingId, recordingId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The recording a listener may stream or draw (R8, R10): it exists (not deleted or crypto-erased), the
 * one access module allows `recording.listen`, and for a clip-only listener the clip that the named
 * item (or playlist, or the first item that reaches them) grants. A refusal is audited.
 */
export async function loadListenTarget({
  ctx,
  input,
}: {
  ctx: ListenContext;
  input: ListenInput;
}): Promise<ListenTarget> {
  const [row] = await ctx.db
    .select({ recording: recordings, organisationId: units.organisationId })
    .from(recordings)
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(eq(recordings.id, input.recordingId))
    .limit(1);
  const recording = row?.recording;
  if (!row || !recording || recording.deletedAt || !recording.wrappedDataKey) throw notFound("Recording");
  const target = { type: "recording", id: recording.id };
  const reach = await decideRecordingAccess(ctx.db, ctx.auth.actor, "recording.listen", {
    id: recording.id,
    unitId: recording.unitId,
    organisationId: row.organisationId,
    staffMemberId: recording.staffMemberId,
    durationMs: recording.durationMs,
  });
  if (!reach.allowed) {
    throw await refuseOutsideScope(ctx, {
      permission: "recording.listen",
      target,
      reason: reach.decision.reason,
      message: "Not allowed: recording.listen for this recording is outside your scope",
    });
  }
  if (input.playlistId && !(await playlistContainsRecording(ctx, input.playlistId, recording.id))) {
    throw validationError("playlist", "This playlist does not contain the recording");
  }
  let window: ListenTarget["window"] = null;
  if (reach.clips) {
    const clip = reach.clips.find(
      (candidate) =>
        (input.itemId === null || candidate.itemId === input.itemId) &&
        (input.playlistId === null || candidate.playlistId === input.playlistId),
    );
    if (!clip) {
      throw await refuseOutsideScope(ctx, {
        permission: "recording.listen",
        target,
        reason: "the named playlist item does not reach this person",
        message: "Not allowed: that playlist item is not assigned to you",
        field: input.itemId ? "item" : "playlist",
      });
    }
    window = {
      itemId: clip.itemId,
      ...clipWindow(clip, recording.durationMs),
      clipStartMs: clip.startMs,
      clipEndMs: clip.endMs,
    };
  }
  return {
    recording: {
      id: recording.id,
      unitId: recording.unitId,
      staffMemberId: recording.staffMemberId,
      storageKey: recording.storageKey,
      wrappedDataKey: recording.wrappedDataKey,
      storedSizeBytes: recording.storedSizeBytes,
      durationMs: recording.durationMs,
      peaks: recording.peaks,
    },
    via: reach.via,
    playlistId: input.playlistId,
    disclosureId: reach.disclosureId,
    window,
  };
}

/** R14: the listen is audited (once per listening session) before any audio leaves. */
export async function recordListen({
  ctx,
  target,
}: {
  ctx: ListenContext;
  target: ListenTarget;
}): Promise<ListenRecorded> {
  return recordListeningSession(ctx.db, {
    userId: ctx.auth.user.id,
    username: ctx.auth.user.username,
    sessionId: ctx.auth.session.id,
    recordingId: target.recording.id,
    unitId: target.recording.unitId,
    via: target.via,
    playlistId: target.playlistId,
    disclosureId: target.disclosureId,
    clip: target.window
      ? { playlistItemId: target.window.itemId, startMs: target.window.startMs, endMs: target.window.endMs }
      : null,
    ip: ctx.request.ip,
    now: ctx.clock.now(),
  });
}
