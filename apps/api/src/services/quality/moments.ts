import type { DbOrTx } from "@kuulo/db/client";
import {
  qualityEvaluations,
  qualityFormVersions,
  qualityMomentReplies,
  qualityMoments,
  recordings,
  units,
} from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import {
  assertMomentCriterion,
  assertMomentWithinCall,
  type FormContent,
  type MomentInput,
} from "@kuulo/domain/quality";
import { eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadMoments, type MomentView } from "./evaluation-view.js";
import { assertRecordingAccess, isOwnCall, loadRecordingFor } from "./quality-access.js";

async function loadMomentFor(
  ctx: AuthedContext,
  permission: "evaluation.respond",
  momentId: string,
  db: DbOrTx,
) {
  const [row] = await db
    .select({
      moment: qualityMoments,
      unitId: recordings.unitId,
      staffMemberId: recordings.staffMemberId,
      organisationId: units.organisationId,
    })
    .from(qualityMoments)
    .innerJoin(recordings, eq(recordings.id, qualityMoments.recordingId))
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(eq(qualityMoments.id, momentId));
  if (!row) throw notFound("Moment");
  const { own } = await assertRecordingAccess(
    ctx,
    permission,
    {
      id: row.moment.recordingId,
      unitId: row.unitId,
      organisationId: row.organisationId,
      staffMemberId: row.staffMemberId,
    },
    { type: "quality_moment", id: row.moment.id },
    db,
  );
  return { moment: row.moment, own };
}

async function momentView(db: DbOrTx, recordingId: string, momentId: string): Promise<MomentView> {
  const view = (await loadMoments(db, [recordingId])).find((m) => m.id === momentId);
  if (!view) throw notFound("Moment");
  return view;
}

/** A reviewer's feedback at a moment of a call, optionally under their own evaluation of it. */
export async function createMoment({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: MomentInput & { recordingId: string; evaluationId?: string | null };
}): Promise<MomentView> {
  // Access checks run before the transaction: a denial writes its audit row on its own connection.
  const recording = await loadRecordingFor(ctx, "evaluation.create", input.recordingId);
  const id = await ctx.db.transaction(async (tx) => {
    if (isOwnCall(ctx, recording.staffMemberId)) {
      throw new DomainError("FORBIDDEN", "Nobody gives feedback on their own call", {
        rule: "R10",
        reason: "quality.evaluate_self",
      });
    }
    assertMomentWithinCall(input, recording.durationMs);
    let form: FormContent | null = null;
    if (input.evaluationId) {
      const [evaluation] = await tx
        .select({
          recordingId: qualityEvaluations.recordingId,
          reviewer: qualityEvaluations.reviewerUserId,
          form: qualityFormVersions.content,
        })
        .from(qualityEvaluations)
        .innerJoin(qualityFormVersions, eq(qualityFormVersions.id, qualityEvaluations.formVersionId))
        .where(eq(qualityEvaluations.id, input.evaluationId));
      if (
        !evaluation ||
        evaluation.recordingId !== recording.id ||
        evaluation.reviewer !== ctx.auth.user.id
      ) {
        throw new DomainError("VALIDATION", "Moments are added to one's own evaluation of this call", {
          field: "evaluationId",
          reason: "quality.moment_evaluation",
        });
      }
      form = evaluation.form;
    }
    // The link is checked against the form version the evaluation was answered with, never a newer one.
    assertMomentCriterion(form, input.criterionKey);
    const [moment] = await tx
      .insert(qualityMoments)
      .values({
        recordingId: recording.id,
        evaluationId: input.evaluationId ?? null,
        authorUserId: ctx.auth.user.id,
        kind: input.kind,
        startMs: input.startMs,
        endMs: input.endMs,
        text: input.text,
        criterionKey: input.criterionKey,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: qualityMoments.id });
    if (!moment) throw new Error("insert failed");
    await audit(tx, ctx, {
      action: "quality.moment_create",
      outcome: "success",
      targetType: "quality_moment",
      targetId: moment.id,
      details: { recordingId: recording.id, kind: input.kind },
    });
    return moment.id;
  });
  return momentView(ctx.db, input.recordingId, id);
}

/** A reply in the moment's thread: the person whose call it is, or a reviewer of the unit. */
export async function replyToMoment({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { momentId: string; text: string };
}): Promise<MomentView> {
  const { moment } = await loadMomentFor(ctx, "evaluation.respond", input.momentId, ctx.db);
  const recordingId = await ctx.db.transaction(async (tx) => {
    const [reply] = await tx
      .insert(qualityMomentReplies)
      .values({
        momentId: moment.id,
        authorUserId: ctx.auth.user.id,
        text: input.text,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: qualityMomentReplies.id });
    await audit(tx, ctx, {
      action: "quality.moment_reply",
      outcome: "success",
      targetType: "quality_moment",
      targetId: moment.id,
      details: { replyId: reply?.id ?? null },
    });
    return moment.recordingId;
  });
  return momentView(ctx.db, recordingId, input.momentId);
}

export async function acknowledgeMoment({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { momentId: string };
}): Promise<MomentView> {
  const { moment, own } = await loadMomentFor(ctx, "evaluation.respond", input.momentId, ctx.db);
  const recordingId = await ctx.db.transaction(async (tx) => {
    if (!own) {
      throw new DomainError("FORBIDDEN", "Only the person whose call it is acknowledges feedback", {
        rule: "R10",
        reason: "quality.not_own",
      });
    }
    if (!moment.acknowledgedAt) {
      await tx
        .update(qualityMoments)
        .set({ acknowledgedAt: ctx.clock.now() })
        .where(eq(qualityMoments.id, moment.id));
      await audit(tx, ctx, {
        action: "quality.moment_acknowledge",
        outcome: "success",
        targetType: "quality_moment",
        targetId: moment.id,
      });
    }
    return moment.recordingId;
  });
  return momentView(ctx.db, recordingId, input.momentId);
}
