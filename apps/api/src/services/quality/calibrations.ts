import {
  qualityCalibrationReviewers,
  qualityCalibrations,
  qualityEvaluations,
  qualityFormVersions,
  recordings,
  roleGrants,
  users,
} from "@kuulo/db/schema";
import { can } from "@kuulo/domain/access";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { type Answer, type CalibrationSpread, calibrationSpread } from "@kuulo/domain/quality";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
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
    const people = await tx
      .select({
        id: users.id,
        organisationId: users.organisationId,
        status: users.status,
        staffMemberId: users.staffMemberId,
      })
      .from(users)
      .where(inArray(users.id, reviewerIds));
    const grants = await tx
      .select({ userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId })
      .from(roleGrants)
      .where(and(inArray(roleGrants.userId, reviewerIds), isNull(roleGrants.revokedAt)));
    reviewerIds.forEach((id, index) => {
      const person = people.find((p) => p.id === id);
      const actor = person && {
        kind: "user" as const,
        userId: id,
        organisationId: person.organisationId,
        grants: grants.filter((g) => g.userId === id).map((g) => ({ role: g.role, unitId: g.unitId })),
        staffMemberId: person.staffMemberId,
        disclosureIds: [],
      };
      const eligible =
        person?.status === "active" &&
        person.staffMemberId !== recording.staffMemberId &&
        can(actor, "evaluation.create", {
          unitId: recording.unitId,
          organisationId: recording.organisationId,
        });
      if (!eligible) {
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

export interface CalibrationAssignment {
  calibrationId: string;
  recordingId: string;
  formVersionId: string;
  callStartedAt: string;
  submitted: boolean;
}

/** Calibrations the reviewer is asked to answer. */
export async function myCalibrations({ ctx }: { ctx: AuthedContext }): Promise<CalibrationAssignment[]> {
  const rows = await ctx.db
    .select({
      calibration: qualityCalibrations,
      callStartedAt: recordings.callStartedAt,
      evaluationId: qualityEvaluations.id,
    })
    .from(qualityCalibrationReviewers)
    .innerJoin(qualityCalibrations, eq(qualityCalibrations.id, qualityCalibrationReviewers.calibrationId))
    .innerJoin(recordings, eq(recordings.id, qualityCalibrations.recordingId))
    .leftJoin(
      qualityEvaluations,
      and(
        eq(qualityEvaluations.calibrationId, qualityCalibrations.id),
        eq(qualityEvaluations.reviewerUserId, ctx.auth.user.id),
      ),
    )
    .where(eq(qualityCalibrationReviewers.userId, ctx.auth.user.id))
    .orderBy(qualityCalibrations.createdAt)
    .limit(100);
  return rows.map((row) => ({
    calibrationId: row.calibration.id,
    recordingId: row.calibration.recordingId,
    formVersionId: row.calibration.formVersionId,
    callStartedAt: row.callStartedAt.toISOString(),
    submitted: row.evaluationId !== null,
  }));
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
}): Promise<CalibrationSpread & { invited: number; reviewerNames: string[] }> {
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
  return {
    ...calibrationSpread(version.content, evaluations),
    invited: invited.length,
    reviewerNames: evaluations.map((e) => `${e.first ?? ""} ${e.last ?? ""}`.trim()),
  };
}
