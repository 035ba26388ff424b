import type { DbOrTx } from "@kuulo/db/client";
import { recordings, units } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { and, eq, isNull } from "drizzle-orm";
import { decideRecordingAccess } from "../../recordings/decide-listen.js";
import type { AuthedContext } from "../../trpc/procedures.js";
import { auditDenied } from "../shared/audit.js";

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
  const decision = await decideRecordingAccess(db, ctx.auth, permission, recording, ctx.clock.now());
  if (!decision.allowed) {
    await auditDenied(ctx, {
      permission,
      targetType: target.type,
      targetId: target.id,
      reason: decision.reason,
    });
    throw new DomainError("FORBIDDEN", `Not allowed: ${permission} is outside your scope`, {
      rule: "R10",
      reason: "scope.outside",
      details: { permission },
    });
  }
  return { own: isOwnCall(ctx, recording.staffMemberId) };
}

/** The call is the actor's own (the person the evaluation is about). */
export const isOwnCall = (ctx: AuthedContext, staffMemberId: string): boolean =>
  ctx.auth.actor.staffMemberId !== null && ctx.auth.actor.staffMemberId === staffMemberId;
