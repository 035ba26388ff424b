import type { DbOrTx } from "@kuulo/db/client";
import {
  type QualityEvaluation,
  qualityDisputes,
  qualityFormVersions,
  qualityMomentReplies,
  qualityMoments,
  type StoredAnswer,
  users,
} from "@kuulo/db/schema";
import type { DisputeStatus, FormContent, MomentKind } from "@kuulo/domain/quality";
import { asc, inArray } from "drizzle-orm";

export interface PersonRef {
  userId: string | null;
  name: string;
}

export interface MomentView {
  id: string;
  recordingId: string;
  evaluationId: string | null;
  kind: MomentKind;
  startMs: number;
  endMs: number | null;
  text: string;
  criterionKey: string | null;
  author: PersonRef;
  createdAt: string;
  acknowledgedAt: string | null;
  replies: { id: string; text: string; author: PersonRef; createdAt: string }[];
}

export interface DisputeView {
  id: string;
  status: DisputeStatus;
  reason: string;
  raisedAt: string;
  originalAnswers: StoredAnswer[];
  originalScore: number | null;
  resolution: string | null;
  resultingAnswers: StoredAnswer[] | null;
  resultingScore: number | null;
  resolvedBy: PersonRef | null;
  resolvedAt: string | null;
}

export interface EvaluationView {
  id: string;
  recordingId: string;
  callStartedAt: string;
  form: { versionId: string; formId: string; version: number; content: FormContent };
  reviewer: PersonRef;
  calibration: boolean;
  answers: StoredAnswer[];
  summary: string;
  score: number | null;
  rawScore: number | null;
  passed: boolean | null;
  criticalFailed: boolean;
  revision: number;
  createdAt: string;
  acknowledgedAt: string | null;
  dispute: DisputeView | null;
  moments: MomentView[];
}

async function namesOf(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}

const person = (names: Map<string, string>, id: string | null): PersonRef => ({
  userId: id,
  name: id ? (names.get(id) ?? "—") : "—",
});

/** Moments of recordings with their reply threads, in call order. */
export async function loadMoments(db: DbOrTx, recordingIds: string[]): Promise<MomentView[]> {
  if (recordingIds.length === 0) return [];
  const moments = await db
    .select()
    .from(qualityMoments)
    .where(inArray(qualityMoments.recordingId, recordingIds))
    .orderBy(asc(qualityMoments.startMs), asc(qualityMoments.createdAt));
  const replies = moments.length
    ? await db
        .select()
        .from(qualityMomentReplies)
        .where(
          inArray(
            qualityMomentReplies.momentId,
            moments.map((m) => m.id),
          ),
        )
        .orderBy(asc(qualityMomentReplies.createdAt), asc(qualityMomentReplies.id))
    : [];
  const names = await namesOf(db, [
    ...moments.map((m) => m.authorUserId),
    ...replies.map((r) => r.authorUserId),
  ]);
  return moments.map((moment) => ({
    id: moment.id,
    recordingId: moment.recordingId,
    evaluationId: moment.evaluationId,
    kind: moment.kind,
    startMs: moment.startMs,
    endMs: moment.endMs,
    text: moment.text,
    criterionKey: moment.criterionKey,
    author: person(names, moment.authorUserId),
    createdAt: moment.createdAt.toISOString(),
    acknowledgedAt: moment.acknowledgedAt?.toISOString() ?? null,
    replies: replies
      .filter((reply) => reply.momentId === moment.id)
      .map((reply) => ({
        id: reply.id,
        text: reply.text,
        author: person(names, reply.authorUserId),
        createdAt: reply.createdAt.toISOString(),
      })),
  }));
}

/** Full views of evaluations: form version, reviewer, dispute (both versions) and linked moments. */
export async function loadEvaluationViews(db: DbOrTx, rows: QualityEvaluation[]): Promise<EvaluationView[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .select()
    .from(qualityFormVersions)
    .where(
      inArray(
        qualityFormVersions.id,
        rows.map((r) => r.formVersionId),
      ),
    );
  const disputes = await db
    .select()
    .from(qualityDisputes)
    .where(
      inArray(
        qualityDisputes.evaluationId,
        rows.map((r) => r.id),
      ),
    );
  const moments = await loadMoments(db, [...new Set(rows.map((r) => r.recordingId))]);
  const names = await namesOf(db, [
    ...rows.map((r) => r.reviewerUserId),
    ...disputes.map((d) => d.resolvedBy),
  ]);
  return rows.map((row) => {
    const version = versions.find((v) => v.id === row.formVersionId);
    const dispute = disputes.find((d) => d.evaluationId === row.id);
    if (!version) throw new Error("form version missing");
    return {
      id: row.id,
      recordingId: row.recordingId,
      callStartedAt: row.callStartedAt.toISOString(),
      form: {
        versionId: version.id,
        formId: version.formId,
        version: version.version,
        content: version.content,
      },
      reviewer: person(names, row.reviewerUserId),
      calibration: row.calibrationId !== null,
      answers: row.answers,
      summary: row.summary,
      score: row.score,
      rawScore: row.rawScore,
      passed: row.passed,
      criticalFailed: row.criticalFailed,
      revision: row.revision,
      createdAt: row.createdAt.toISOString(),
      acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
      dispute: dispute
        ? {
            id: dispute.id,
            status: dispute.status,
            reason: dispute.reason,
            raisedAt: dispute.createdAt.toISOString(),
            originalAnswers: dispute.originalAnswers,
            originalScore: dispute.originalScore,
            resolution: dispute.resolution,
            resultingAnswers: dispute.resultingAnswers,
            resultingScore: dispute.resultingScore,
            resolvedBy: dispute.resolvedBy ? person(names, dispute.resolvedBy) : null,
            resolvedAt: dispute.resolvedAt?.toISOString() ?? null,
          }
        : null,
      moments: moments.filter((m) => m.evaluationId === row.id),
    };
  });
}
