import {
  qualityCalibrationReviewers,
  qualityCalibrations,
  qualityEvaluations,
  qualityFormVersions,
  recordings,
  staffMembers,
} from "@kuulo/db/schema";
import type { FormContent } from "@kuulo/domain/quality";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { AuthedContext } from "../shared/service-context.js";

interface CalibrationCall {
  calibrationId: string;
  recordingId: string;
  staffMember: { name: string };
  callStartedAt: string;
  formName: string;
  createdAt: string;
}

export interface CalibrationAssignment extends CalibrationCall {
  formVersionId: string;
  /** The version everyone answers, so the reviewer's form matches the lead's comparison. */
  form: FormContent;
  submitted: boolean;
}

export interface LedCalibration extends CalibrationCall {
  invited: number;
  submitted: number;
}

const callColumns = {
  calibration: qualityCalibrations,
  callStartedAt: recordings.callStartedAt,
  firstName: staffMembers.firstName,
  lastName: staffMembers.lastName,
  content: qualityFormVersions.content,
};

const callOf = (row: {
  calibration: typeof qualityCalibrations.$inferSelect;
  callStartedAt: Date;
  firstName: string;
  lastName: string;
  content: FormContent;
}): CalibrationCall => ({
  calibrationId: row.calibration.id,
  recordingId: row.calibration.recordingId,
  staffMember: { name: `${row.firstName} ${row.lastName}` },
  callStartedAt: row.callStartedAt.toISOString(),
  formName: row.content.name,
  createdAt: row.calibration.createdAt.toISOString(),
});

/** Calibrations the reviewer is asked to answer, newest first; only their own answer is marked. */
export async function myCalibrations({ ctx }: { ctx: AuthedContext }): Promise<CalibrationAssignment[]> {
  const rows = await ctx.db
    .select({ ...callColumns, evaluationId: qualityEvaluations.id })
    .from(qualityCalibrationReviewers)
    .innerJoin(qualityCalibrations, eq(qualityCalibrations.id, qualityCalibrationReviewers.calibrationId))
    .innerJoin(recordings, eq(recordings.id, qualityCalibrations.recordingId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .innerJoin(qualityFormVersions, eq(qualityFormVersions.id, qualityCalibrations.formVersionId))
    .leftJoin(
      qualityEvaluations,
      and(
        eq(qualityEvaluations.calibrationId, qualityCalibrations.id),
        eq(qualityEvaluations.reviewerUserId, ctx.auth.user.id),
      ),
    )
    .where(and(eq(qualityCalibrationReviewers.userId, ctx.auth.user.id), isNull(recordings.deletedAt)))
    .orderBy(desc(qualityCalibrations.createdAt), desc(qualityCalibrations.id))
    .limit(100);
  return rows.map((row) => ({
    ...callOf(row),
    formVersionId: row.calibration.formVersionId,
    form: row.content,
    submitted: row.evaluationId !== null,
  }));
}

/** The lead's own calibrations, newest first, with how many invited reviewers have answered. */
export async function ledCalibrations({ ctx }: { ctx: AuthedContext }): Promise<LedCalibration[]> {
  const rows = await ctx.db
    .select({
      ...callColumns,
      invited: sql<number>`(select count(*)::int from quality_calibration_reviewers r where r.calibration_id = ${qualityCalibrations.id})`,
      submitted: sql<number>`(select count(*)::int from quality_evaluations e where e.calibration_id = ${qualityCalibrations.id})`,
    })
    .from(qualityCalibrations)
    .innerJoin(recordings, eq(recordings.id, qualityCalibrations.recordingId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .innerJoin(qualityFormVersions, eq(qualityFormVersions.id, qualityCalibrations.formVersionId))
    .where(and(eq(qualityCalibrations.leadUserId, ctx.auth.user.id), isNull(recordings.deletedAt)))
    .orderBy(desc(qualityCalibrations.createdAt), desc(qualityCalibrations.id))
    .limit(100);
  return rows.map((row) => ({
    ...callOf(row),
    invited: Number(row.invited),
    submitted: Number(row.submitted),
  }));
}
