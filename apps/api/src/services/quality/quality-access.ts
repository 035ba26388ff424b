import type { DbOrTx } from "@kuulo/db/client";
import { recordings, units } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { notFound } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { decideRecordingAccess } from "../recordings/recording-access.js";
import { refuseOutsideScope } from "../shared/refuse-outside-scope.js";
import type { AuthedContext } from "../shared/service-context.js";

export interface QualityRecording {
  id: string;
  unitId: string;
  organisationId: string;
  staffMemberId: string;
  durationMs: number;
  callStartedAt: Date;
}

/**
 * Loads a live recording and asks the recordings' own access decision whether the actor holds
 * `permission` for it (unit scope, own call). Refusals are audited and FORBIDDEN (R10); a missing or
 * purged recording is NOT_FOUND.
 */
export async function loadRecordingFor(
  ctx: AuthedContext,
  permission: Permission,
  recordingId: string,
  db: DbOrTx = ctx.db,
): Promise<QualityRecording> {
  const [row] = await db
    .select({
      id: recordings.id,
      unitId: recordings.unitId,
      organisationId: units.organisationId,
      staffMemberId: recordings.staffMemberId,
      durationMs: recordings.durationMs,
      callStartedAt: recordings.callStartedAt,
    })
    .from(recordings)
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(and(eq(recordings.id, recordingId), isNull(recordings.deletedAt)));
  if (!row) throw notFound("Recording");
  await assertRecordingAccess(ctx, permission, row, { type: "recording", id: row.id }, db);
  return row;
}

export async function assertRecordingAccess(
  ctx: AuthedContext,
  permission: Permission,
  recording: Pick<QualityRecording, "id" | "unitId" | "organisationId" | "staffMemberId">,
  target: { type: string; id: string },
  db: DbOrTx = ctx.db,
): Promise<{ own: boolean }> {
  // Quality work needs the whole call: a playlist clip (R10) never reaches an evaluation, so the
  // duration (used only to cut clips) does not matter here.
  const reach = await decideRecordingAccess(db, ctx.auth.actor, permission, {
    ...recording,
    durationMs: 0,
  });
  if (!reach.allowed || reach.clips !== null) {
    throw await refuseOutsideScope(ctx, {
      permission,
      target,
      reason: reach.allowed ? "clip_only" : reach.decision.reason,
    });
  }
  return { own: isOwnCall(ctx, recording.staffMemberId) };
}

/** The call is the actor's own (the person the evaluation is about). */
export const isOwnCall = (ctx: AuthedContext, staffMemberId: string): boolean =>
  ctx.auth.actor.staffMemberId !== null && ctx.auth.actor.staffMemberId === staffMemberId;
