import {
  qualityCalibrationReviewers,
  qualityCalibrations,
  qualityEvaluations,
  qualityFormVersions,
  users,
} from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { type Answer, type CalibrationSpread, calibrationSpread, formCriteria } from "@kuulo/domain/quality";
import { and, eq } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { eligibleReviewers } from "./calibration-reviewers.js";
import type { EvaluationView } from "./evaluation-view.js";
import { createEvaluation } from "./evaluations.js";
import { loadUsableFormVersion } from "./forms.js";
import { loadRecordingFor } from "./quality-access.js";

/** A lead picks a call and reviewers of its unit; each evaluates it without seeing the others. */
export async function createCalibration({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { recordingId: string; formVersionId: string; reviewerUserIds: string[] };
}): Promise<{ calibrationId: string }> {
  // Access checks run before the transaction: a denial writes its audit row on its own connection.
  const recording = await loadRecordingFor(ctx, "evaluation.calibrate", input.recordingId);
  return ctx.db.transaction(async (tx) => {
    const version = await loadUsableFormVersion(ctx, input.formVersionId, tx);
    const reviewerIds = [...new Set(input.reviewerUserIds)];
    const eligible = await eligibleReviewers(tx, recording, { userIds: reviewerIds });
    reviewerIds.forEach((id, index) => {
      if (!eligible.some((person) => person.userId === id)) {
        throw new DomainError("VALIDATION", "Every calibrating reviewer must evaluate in the call's unit", {
          field: `reviewerUserIds.${index}`,
          reason: "quality.calibration_reviewer",
        });
      }
    });
    const [calibration] = await tx
      .insert(qualityCalibrations)
      .values({
        recordingId: recording.id,
        formVersionId: version.id,
        unitId: recording.unitId,
        leadUserId: ctx.auth.user.id,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: qualityCalibrations.id });
    if (!calibration) throw new Error("insert failed");
    await tx
      .insert(qualityCalibrationReviewers)
      .values(reviewerIds.map((userId) => ({ calibrationId: calibration.id, userId })));
    await audit(tx, ctx, {
      action: "quality.calibration_create",
      outcome: "success",
      targetType: "quality_calibration",
      targetId: calibration.id,
      details: { recordingId: recording.id, formVersionId: version.id, reviewers: reviewerIds.length },
    });
    return { calibrationId: calibration.id };
  });
}

/** A participant's blind answers: an evaluation tied to the calibration (one per reviewer). */
export async function submitCalibration({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { calibrationId: string; answers: Answer[]; summary: string };
}): Promise<EvaluationView> {
  const [calibration] = await ctx.db
    .select()
    .from(qualityCalibrations)
    .where(eq(qualityCalibrations.id, input.calibrationId));
  if (!calibration) throw notFound("Calibration");
  const [participant] = await ctx.db
    .select()
    .from(qualityCalibrationReviewers)
    .where(
      and(
        eq(qualityCalibrationReviewers.calibrationId, calibration.id),
        eq(qualityCalibrationReviewers.userId, ctx.auth.user.id),
      ),
    );
  if (!participant) {
    throw new DomainError("FORBIDDEN", "You are not a reviewer of this calibration", {
      rule: "R10",
      reason: "quality.calibration_not_participant",
    });
  }
  const [already] = await ctx.db
    .select({ id: qualityEvaluations.id })
    .from(qualityEvaluations)
    .where(
      and(
        eq(qualityEvaluations.calibrationId, calibration.id),
        eq(qualityEvaluations.reviewerUserId, ctx.auth.user.id),
      ),
    );
  if (already) {
    throw new DomainError("CONFLICT", "You have already answered this calibration", {
      field: "calibrationId",
      reason: "quality.calibration_submitted",
    });
  }
  // The calibration's version is used even if a newer one was published meanwhile: everyone answers the same.
  const [version] = await ctx.db
    .select({ status: qualityFormVersions.status })
    .from(qualityFormVersions)
    .where(eq(qualityFormVersions.id, calibration.formVersionId));
  if (!version) throw notFound("Form version");
  return createEvaluation({
    ctx,
    input: {
      recordingId: calibration.recordingId,
      formVersionId: calibration.formVersionId,
      answers: input.answers,
      summary: input.summary,
      moments: [],
      calibrationId: calibration.id,
    },
  });
}

/** The lead's comparison: per criterion, how far the submitted answers lie apart. */
export async function calibrationResult({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { calibrationId: string };
}): Promise<
  Omit<CalibrationSpread, "criteria"> & {
    criteria: (CalibrationSpread["criteria"][number] & { title: string })[];
    invited: number;
    reviewerNames: string[];
  }
> {
  const [calibration] = await ctx.db
    .select()
    .from(qualityCalibrations)
    .where(eq(qualityCalibrations.id, input.calibrationId));
  if (!calibration) throw notFound("Calibration");
  await authorize(
    ctx,
    "evaluation.calibrate",
    { unitId: calibration.unitId, organisationId: ctx.auth.actor.organisationId },
    { type: "quality_calibration", id: calibration.id },
  );
  if (calibration.leadUserId !== ctx.auth.user.id) {
    throw new DomainError("FORBIDDEN", "Only the calibration's lead compares the answers", {
      rule: "R10",
      reason: "quality.calibration_not_lead",
    });
  }
  const [version] = await ctx.db
    .select()
    .from(qualityFormVersions)
    .where(eq(qualityFormVersions.id, calibration.formVersionId));
  if (!version) throw notFound("Form version");
  const evaluations = await ctx.db
    .select({
      answers: qualityEvaluations.answers,
      reviewer: qualityEvaluations.reviewerUserId,
      first: users.firstName,
      last: users.lastName,
    })
    .from(qualityEvaluations)
    .leftJoin(users, eq(users.id, qualityEvaluations.reviewerUserId))
    .where(eq(qualityEvaluations.calibrationId, calibration.id))
    .orderBy(qualityEvaluations.createdAt, qualityEvaluations.id);
  const invited = await ctx.db
    .select({ userId: qualityCalibrationReviewers.userId })
    .from(qualityCalibrationReviewers)
    .where(eq(qualityCalibrationReviewers.calibrationId, calibration.id));
  await audit(ctx.db, ctx, {
    action: "quality.calibration_read",
    outcome: "success",
    targetType: "quality_calibration",
    targetId: calibration.id,
    details: { evaluations: evaluations.length },
  });
  const spread = calibrationSpread(version.content, evaluations);
  const titles = new Map(formCriteria(version.content).map((criterion) => [criterion.key, criterion.title]));
  return {
    ...spread,
    criteria: spread.criteria.map((criterion) => ({
      ...criterion,
      title: titles.get(criterion.criterionKey) ?? criterion.criterionKey,
    })),
    invited: invited.length,
    reviewerNames: evaluations.map((e) => `${e.first ?? ""} ${e.last ?? ""}`.trim()),
  };
}
