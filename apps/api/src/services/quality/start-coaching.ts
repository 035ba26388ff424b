import { qualityFormVersions, qualityMoments, recordings, users } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { assertMomentCriterion, momentClip } from "@kuulo/domain/quality";
import { and, asc, eq } from "drizzle-orm";
import { assignPlaylist } from "../playlists/assign.js";
import { checkAssignmentTargets } from "../playlists/assignment-targets.js";
import { createPlaylist } from "../playlists/create.js";
import type { PlaylistDetail } from "../playlists/playlist-view.js";
import { checkRecordings, setPlaylistItems } from "../playlists/set-items.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadEvaluationFor } from "./evaluations.js";

export interface StartCoachingInput {
  evaluationId: string;
  criterionKey: string;
  /** Prefilled by the app in the trainer's language, naming the criterion; the trainer may edit it. */
  title: string;
}

/**
 * Coaching from one criterion of an evaluation: a draft playlist in the call's unit with the moments
 * linked to that criterion as clips, assigned to the person whose call it was. Each step is the playlist
 * service's own verb, so R10's clip rules, unit scope and assignment rules apply exactly as in the editor;
 * all of it in one transaction.
 */
export async function startCoaching({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: StartCoachingInput;
}): Promise<PlaylistDetail> {
  const { evaluation } = await loadEvaluationFor(ctx, "evaluation.read", input.evaluationId);
  const [version] = await ctx.db
    .select({ content: qualityFormVersions.content })
    .from(qualityFormVersions)
    .where(eq(qualityFormVersions.id, evaluation.formVersionId));
  assertMomentCriterion(version?.content ?? null, input.criterionKey);
  const [person] = await ctx.db
    .select({ userId: users.id })
    .from(users)
    .where(eq(users.staffMemberId, evaluation.staffMemberId));
  if (!person) {
    throw new DomainError("VALIDATION", "The person whose call it was has no user account to assign to", {
      field: "evaluationId",
      reason: "quality.coaching_no_account",
    });
  }
  // The person must be assignable by this trainer before anything is written (no orphan drafts).
  await checkAssignmentTargets(ctx, { playlistId: "", unitIds: [], userIds: [person.userId] });
  const [recording] = await ctx.db
    .select({ durationMs: recordings.durationMs })
    .from(recordings)
    .where(eq(recordings.id, evaluation.recordingId));
  const moments = await ctx.db
    .select()
    .from(qualityMoments)
    .where(
      and(
        eq(qualityMoments.evaluationId, evaluation.id),
        eq(qualityMoments.criterionKey, input.criterionKey),
      ),
    )
    .orderBy(asc(qualityMoments.startMs), asc(qualityMoments.createdAt));
  const items = moments.flatMap((moment) => {
    const clip = momentClip(moment, recording?.durationMs ?? 0);
    return clip ? [{ recordingId: evaluation.recordingId, ...clip, note: moment.text }] : [];
  });

  // The clips' recordings too, so a refusal is answered before anything is written.
  await checkRecordings(ctx, items);
  // One transaction around the playlist verbs (theirs nest as savepoints): a failure in any step leaves
  // no draft, no items and no assignment behind.
  return ctx.db.transaction(async (tx) => {
    const txCtx: AuthedContext = { ...ctx, db: tx };
    const playlist = await createPlaylist({
      ctx: txCtx,
      input: { title: input.title, description: "", unitId: evaluation.unitId },
    });
    if (items.length > 0) await setPlaylistItems({ ctx: txCtx, input: { playlistId: playlist.id, items } });
    const assigned = await assignPlaylist({
      ctx: txCtx,
      input: { playlistId: playlist.id, unitIds: [], userIds: [person.userId] },
    });
    await audit(tx, txCtx, {
      action: "quality.coaching_start",
      outcome: "success",
      targetType: "playlist",
      targetId: playlist.id,
      details: { evaluationId: evaluation.id, criterionKey: input.criterionKey, clips: items.length },
    });
    return assigned;
  });
}
