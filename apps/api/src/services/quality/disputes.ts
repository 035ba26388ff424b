import {
  qualityDisputes,
  qualityEvaluations,
  qualityFormVersions,
  staffMembers,
  users,
} from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import {
  type Answer,
  assertMayDispute,
  assertMayResolveDispute,
  type DisputeDecision,
} from "@kuulo/domain/quality";
import { and, asc, eq, inArray } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type EvaluationView, loadEvaluationViews } from "./evaluation-view.js";
import { auditEvaluationRead, loadEvaluationFor } from "./evaluations.js";
import { scoreAnswers } from "./score-answers.js";

async function viewOf(ctx: AuthedContext, evaluationId: string): Promise<EvaluationView> {
  const rows = await ctx.db.select().from(qualityEvaluations).where(eq(qualityEvaluations.id, evaluationId));
  const [view] = await loadEvaluationViews(ctx.db, rows);
  if (!view) throw notFound("Evaluation");
  return view;
}

/** The person whose call it is disputes the evaluation with a reason; it goes to the unit's reviewers. */
export async function raiseDispute({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { evaluationId: string; reason: string };
}): Promise<EvaluationView> {
  // Access checks run before the transaction: a denial writes its audit row on its own connection.
  const { evaluation, own } = await loadEvaluationFor(ctx, "evaluation.dispute", input.evaluationId);
  await ctx.db.transaction(async (tx) => {
    if (!own) {
      throw new DomainError("FORBIDDEN", "Only the person whose call it is disputes its evaluation", {
        rule: "R10",
        reason: "quality.not_own",
      });
    }
    if (evaluation.calibrationId !== null) {
      throw new DomainError("CONFLICT", "A calibration evaluation is not disputed", {
        field: "evaluationId",
        reason: "quality.calibration_not_disputable",
      });
    }
    const [existing] = await tx
      .select({ id: qualityDisputes.id })
      .from(qualityDisputes)
      .where(eq(qualityDisputes.evaluationId, evaluation.id))
      .for("update");
    assertMayDispute({ existingDispute: existing !== undefined });
    const [dispute] = await tx
      .insert(qualityDisputes)
      .values({
        evaluationId: evaluation.id,
        unitId: evaluation.unitId,
        raisedBy: ctx.auth.user.id,
        reason: input.reason,
        originalReviewerUserId: evaluation.reviewerUserId,
        originalAnswers: evaluation.answers,
        originalScore: evaluation.score,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: qualityDisputes.id });
    await audit(tx, ctx, {
      action: "quality.dispute_raise",
      outcome: "success",
      targetType: "quality_evaluation",
      targetId: evaluation.id,
      details: { disputeId: dispute?.id ?? null },
    });
  });
  return viewOf(ctx, input.evaluationId);
}

export interface OpenDispute {
  disputeId: string;
  evaluationId: string;
  recordingId: string;
  staffMember: string;
  raisedAt: string;
  reason: string;
  originalScore: number | null;
  /** False when the actor made the evaluation or it is about their own call: another reviewer resolves it. */
  mayResolve: boolean;
}

/** Open disputes in the reviewer's units, oldest first (the queue a second reviewer works through). */
export async function listOpenDisputes({ ctx }: { ctx: AuthedContext }): Promise<OpenDispute[]> {
  const scope = unitScope(ctx, "evaluation.resolve");
  if (!scope.all && scope.unitIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      dispute: qualityDisputes,
      recordingId: qualityEvaluations.recordingId,
      reviewer: qualityEvaluations.reviewerUserId,
      staffMemberId: qualityEvaluations.staffMemberId,
      firstName: staffMembers.firstName,
      lastName: staffMembers.lastName,
    })
    .from(qualityDisputes)
    .innerJoin(qualityEvaluations, eq(qualityEvaluations.id, qualityDisputes.evaluationId))
    .innerJoin(staffMembers, eq(staffMembers.id, qualityEvaluations.staffMemberId))
    .where(
      and(
        eq(qualityDisputes.status, "open"),
        scope.all ? undefined : inArray(qualityDisputes.unitId, scope.unitIds),
      ),
    )
    .orderBy(asc(qualityDisputes.createdAt), asc(qualityDisputes.id))
    .limit(200);
  await auditEvaluationRead(
    ctx.db,
    ctx,
    rows.map((row) => ({ id: row.dispute.evaluationId, staffMemberId: row.staffMemberId })),
    "disputes",
  );
  return rows.map((row) => ({
    disputeId: row.dispute.id,
    evaluationId: row.dispute.evaluationId,
    recordingId: row.recordingId,
    staffMember: `${row.firstName} ${row.lastName}`,
    raisedAt: row.dispute.createdAt.toISOString(),
    reason: row.dispute.reason,
    originalScore: row.dispute.originalScore,
    mayResolve: row.reviewer !== ctx.auth.user.id && row.staffMemberId !== ctx.auth.actor.staffMemberId,
  }));
}

/**
 * Another reviewer of the unit upholds the score or changes the answers. The disputed answers stay in
 * the dispute, the decided ones become the evaluation's next revision; audited in the same transaction.
 */
export async function resolveDispute({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disputeId: string; decision: DisputeDecision; resolution: string; answers?: Answer[] };
}): Promise<EvaluationView> {
  // Access checks run before the transaction: a denial writes its audit row on its own connection.
  const [found] = await ctx.db.select().from(qualityDisputes).where(eq(qualityDisputes.id, input.disputeId));
  if (!found) throw notFound("Dispute");
  const { evaluation } = await loadEvaluationFor(ctx, "evaluation.resolve", found.evaluationId);
  const evaluationId = await ctx.db.transaction(async (tx) => {
    const [dispute] = await tx
      .select()
      .from(qualityDisputes)
      .where(eq(qualityDisputes.id, input.disputeId))
      .for("update");
    if (!dispute) throw notFound("Dispute");
    const [subject] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.staffMemberId, evaluation.staffMemberId));
    assertMayResolveDispute({
      resolverUserId: ctx.auth.user.id,
      reviewerUserId: dispute.originalReviewerUserId ?? evaluation.reviewerUserId ?? "",
      subjectUserId: subject?.id ?? null,
      status: dispute.status,
    });
    const now = ctx.clock.now();
    let resulting: { answers: typeof evaluation.answers; score: number | null } | null = null;
    if (input.decision === "change") {
      if (!input.answers) {
        throw new DomainError("VALIDATION", "Changing the score needs the corrected answers", {
          field: "answers",
          reason: "quality.answers_required",
        });
      }
      // The evaluation keeps its form version, even if that version has since been retired.
      const [version] = await tx
        .select()
        .from(qualityFormVersions)
        .where(eq(qualityFormVersions.id, evaluation.formVersionId));
      if (!version) throw notFound("Form version");
      const { result, stored } = scoreAnswers(version.content, input.answers);
      await tx
        .update(qualityEvaluations)
        .set({
          answers: stored,
          score: result.score,
          rawScore: result.rawScore,
          passed: result.passed,
          criticalFailed: result.criticalFailures.length > 0,
          revision: evaluation.revision + 1,
          acknowledgedAt: null,
        })
        .where(eq(qualityEvaluations.id, evaluation.id));
      resulting = { answers: stored, score: result.score };
    }
    await tx
      .update(qualityDisputes)
      .set({
        status: input.decision === "change" ? "changed" : "upheld",
        resolvedBy: ctx.auth.user.id,
        resolution: input.resolution,
        resultingAnswers: resulting?.answers ?? null,
        resultingScore: resulting?.score ?? evaluation.score,
        resolvedAt: now,
      })
      .where(eq(qualityDisputes.id, dispute.id));
    await audit(tx, ctx, {
      action: "quality.dispute_resolve",
      outcome: "success",
      targetType: "quality_evaluation",
      targetId: evaluation.id,
      details: {
        disputeId: dispute.id,
        decision: input.decision,
        originalScore: dispute.originalScore,
        resultingScore: resulting?.score ?? evaluation.score,
      },
    });
    return evaluation.id;
  });
  return viewOf(ctx, evaluationId);
}
