import type { DbOrTx } from "@kuulo/db/client";
import { type QualityEvaluation, qualityEvaluations, qualityMoments, units } from "@kuulo/db/schema";
import { DomainError, isDomainError, notFound } from "@kuulo/domain/errors";
import {
  type Answer,
  assertMomentCriterion,
  assertMomentWithinCall,
  type MomentInput,
} from "@kuulo/domain/quality";
import { and, desc, eq, isNull, lt, or, type SQL } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type EvaluationView, loadEvaluationViews, loadMoments, type MomentView } from "./evaluation-view.js";
import { loadUsableFormVersion } from "./forms.js";
import { assertRecordingAccess, isOwnCall, loadRecordingFor } from "./quality-access.js";
import { scoreAnswers } from "./score-answers.js";

/**
 * Loads an evaluation the actor may see: the person whose call it is, or someone holding the permission
 * in the call's unit. Calibration answers are blind: only their own reviewer (and the person) see them.
 */
export async function loadEvaluationFor(
  ctx: AuthedContext,
  permission: "evaluation.read" | "evaluation.respond" | "evaluation.dispute" | "evaluation.resolve",
  evaluationId: string,
  db: DbOrTx = ctx.db,
): Promise<{ evaluation: QualityEvaluation; own: boolean; organisationId: string }> {
  const [row] = await db
    .select({ evaluation: qualityEvaluations, organisationId: units.organisationId })
    .from(qualityEvaluations)
    .innerJoin(units, eq(units.id, qualityEvaluations.unitId))
    .where(eq(qualityEvaluations.id, evaluationId));
  if (!row) throw notFound("Evaluation");
  const { evaluation } = row;
  const { own } = await assertRecordingAccess(
    ctx,
    permission,
    {
      id: evaluation.recordingId,
      unitId: evaluation.unitId,
      organisationId: row.organisationId,
      staffMemberId: evaluation.staffMemberId,
    },
    { type: "quality_evaluation", id: evaluation.id },
    db,
  );
  if (evaluation.calibrationId !== null && !own && evaluation.reviewerUserId !== ctx.auth.user.id) {
    throw new DomainError("FORBIDDEN", "Calibration answers are blind until the lead compares them", {
      rule: "R10",
      reason: "quality.calibration_blind",
    });
  }
  return { evaluation, own, organisationId: row.organisationId };
}

/** Someone else's evaluation was seen: audited as a read (the person's own view is not a disclosure). */
export async function auditEvaluationRead(
  db: DbOrTx,
  ctx: AuthedContext,
  evaluations: { id: string; staffMemberId: string }[],
  view: string,
): Promise<void> {
  for (const evaluation of evaluations) {
    if (isOwnCall(ctx, evaluation.staffMemberId)) continue;
    await audit(db, ctx, {
      action: "quality.evaluation_read",
      outcome: "success",
      targetType: "quality_evaluation",
      targetId: evaluation.id,
      details: { view },
    });
  }
}

export async function createEvaluation({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    recordingId: string;
    formVersionId: string;
    answers: Answer[];
    summary: string;
    moments: MomentInput[];
    calibrationId?: string | null;
  };
}): Promise<EvaluationView> {
  // Access checks run before the transaction: a denial writes its audit row on its own connection.
  const recording = await loadRecordingFor(ctx, "evaluation.create", input.recordingId);
  const rows = await ctx.db.transaction(async (tx) => {
    if (isOwnCall(ctx, recording.staffMemberId)) {
      throw new DomainError("FORBIDDEN", "Nobody evaluates their own call", {
        rule: "R10",
        reason: "quality.evaluate_self",
      });
    }
    const version = await loadUsableFormVersion(ctx, input.formVersionId, tx);
    const { result, stored } = scoreAnswers(version.content, input.answers);
    for (const [index, moment] of input.moments.entries()) {
      assertMomentCriterion(version.content, moment.criterionKey, `moments.${index}.criterionKey`);
    }
    for (const [index, moment] of input.moments.entries()) {
      try {
        assertMomentWithinCall(moment, recording.durationMs);
      } catch (error) {
        // Name the moment in the field, e.g. moments.1.endMs.
        if (!isDomainError(error)) throw error;
        throw new DomainError(error.code, error.message, {
          field: `moments.${index}.${error.field ?? "startMs"}`,
          ...(error.reason ? { reason: error.reason } : {}),
        });
      }
    }
    const [evaluation] = await tx
      .insert(qualityEvaluations)
      .values({
        recordingId: recording.id,
        unitId: recording.unitId,
        staffMemberId: recording.staffMemberId,
        callStartedAt: recording.callStartedAt,
        formVersionId: version.id,
        reviewerUserId: ctx.auth.user.id,
        calibrationId: input.calibrationId ?? null,
        answers: stored,
        summary: input.summary,
        score: result.score,
        rawScore: result.rawScore,
        passed: result.passed,
        criticalFailed: result.criticalFailures.length > 0,
        createdAt: ctx.clock.now(),
      })
      .returning();
    if (!evaluation) throw new Error("insert failed");
    if (input.moments.length > 0) {
      await tx.insert(qualityMoments).values(
        input.moments.map((moment) => ({
          recordingId: recording.id,
          evaluationId: evaluation.id,
          authorUserId: ctx.auth.user.id,
          ...moment,
          createdAt: ctx.clock.now(),
        })),
      );
    }
    await audit(tx, ctx, {
      action: input.calibrationId ? "quality.calibration_submit" : "quality.evaluation_create",
      outcome: "success",
      targetType: "quality_evaluation",
      targetId: evaluation.id,
      details: {
        recordingId: recording.id,
        formVersionId: version.id,
        score: result.score,
        moments: input.moments.length,
        ...(input.calibrationId ? { calibrationId: input.calibrationId } : {}),
      },
    });
    return [evaluation];
  });
  const [view] = await loadEvaluationViews(ctx.db, rows);
  if (!view) throw new Error("evaluation missing");
  return view;
}

export async function getEvaluation({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { evaluationId: string };
}): Promise<EvaluationView> {
  const { evaluation } = await loadEvaluationFor(ctx, "evaluation.read", input.evaluationId);
  const [view] = await loadEvaluationViews(ctx.db, [evaluation]);
  if (!view) throw notFound("Evaluation");
  await auditEvaluationRead(ctx.db, ctx, [evaluation], "evaluation");
  return view;
}

/**
 * Everything quality about one call: its evaluations (calibration answers only to their reviewer and
 * the person) and every moment with its replies. The person's own call shows everything.
 */
export async function evaluationsOfRecording({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingId: string };
}): Promise<{ evaluations: EvaluationView[]; moments: MomentView[] }> {
  const recording = await loadRecordingFor(ctx, "evaluation.read", input.recordingId);
  const own = isOwnCall(ctx, recording.staffMemberId);
  const visible: SQL[] = [eq(qualityEvaluations.recordingId, recording.id)];
  if (!own) {
    const blind = or(
      isNull(qualityEvaluations.calibrationId),
      eq(qualityEvaluations.reviewerUserId, ctx.auth.user.id),
    );
    if (blind) visible.push(blind);
  }
  const rows = await ctx.db
    .select()
    .from(qualityEvaluations)
    .where(and(...visible))
    .orderBy(desc(qualityEvaluations.createdAt), desc(qualityEvaluations.id));
  const evaluations = await loadEvaluationViews(ctx.db, rows);
  const moments = await loadMoments(ctx.db, [recording.id]);
  const hiddenIds = new Set<string>();
  if (!own) {
    const all = await ctx.db
      .select({ id: qualityEvaluations.id })
      .from(qualityEvaluations)
      .where(eq(qualityEvaluations.recordingId, recording.id));
    for (const { id } of all) if (!rows.some((row) => row.id === id)) hiddenIds.add(id);
  }
  await auditEvaluationRead(ctx.db, ctx, rows, "recording");
  return {
    evaluations,
    moments: moments.filter((moment) => moment.evaluationId === null || !hiddenIds.has(moment.evaluationId)),
  };
}

export async function acknowledgeEvaluation({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { evaluationId: string };
}): Promise<{ acknowledgedAt: string }> {
  const { evaluation, own } = await loadEvaluationFor(ctx, "evaluation.respond", input.evaluationId);
  return ctx.db.transaction(async (tx) => {
    if (!own) {
      throw new DomainError("FORBIDDEN", "Only the person whose call it is acknowledges an evaluation", {
        rule: "R10",
        reason: "quality.not_own",
      });
    }
    const at = evaluation.acknowledgedAt ?? ctx.clock.now();
    if (!evaluation.acknowledgedAt) {
      await tx
        .update(qualityEvaluations)
        .set({ acknowledgedAt: at })
        .where(eq(qualityEvaluations.id, evaluation.id));
      await audit(tx, ctx, {
        action: "quality.evaluation_acknowledge",
        outcome: "success",
        targetType: "quality_evaluation",
        targetId: evaluation.id,
      });
    }
    return { acknowledgedAt: at.toISOString() };
  });
}

export interface EvaluationListItem {
  id: string;
  recordingId: string;
  callStartedAt: string;
  staffMember: { id: string; name: string };
  reviewer: string;
  formName: string;
  score: number | null;
  passed: boolean | null;
  createdAt: string;
  acknowledged: boolean;
  disputeStatus: string | null;
  /** A calibration answer (listed only to its own reviewer and the person), not a regular evaluation. */
  calibration: boolean;
}

export const encodeCursor = (at: Date, id: string) =>
  Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
export function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new DomainError("VALIDATION", "Not a valid cursor", { field: "cursor", reason: "cursor.invalid" });
  }
  return { at: date, id };
}
export const afterCursor = (cursor: { at: Date; id: string } | null) =>
  cursor
    ? or(
        lt(qualityEvaluations.createdAt, cursor.at),
        and(eq(qualityEvaluations.createdAt, cursor.at), lt(qualityEvaluations.id, cursor.id)),
      )
    : undefined;
