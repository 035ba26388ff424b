import {
  qualityCalibrationReviewers,
  qualityCalibrations,
  qualityDisputes,
  qualityEvaluations,
  qualityForms,
  qualityFormVersions,
  qualityMoments,
  qualitySettings,
  recordings,
} from "@kuulo/db/schema";
import { type FormContentInput, formContentSchema, scoreEvaluation } from "@kuulo/domain/quality";
import { eq } from "drizzle-orm";
import { makeUser, organisationId, unitId, userId } from "./helpers/fixtures.js";
import type { TestApp } from "./helpers/test-app.js";
import { insertRecording, staffMemberOf } from "./training-fixtures.js";

/** Set-up for the quality tests: rows written straight to the tables, not under test. */

export const FORM: FormContentInput = {
  name: "Asiakaspalvelun laatu",
  passMark: 70,
  sections: [
    {
      key: "opening",
      title: "Avaus",
      criteria: [
        { key: "greeting", title: "Tervehdys ja esittäytyminen", answerType: "yes_no", weight: 10 },
        { key: "need", title: "Tarpeen selvitys", answerType: "scale_1_5", weight: 30 },
      ],
    },
    {
      key: "closing",
      title: "Lopetus",
      criteria: [
        { key: "summary", title: "Yhteenveto", answerType: "yes_no", weight: 10, allowNa: true },
        { key: "rude", title: "Asiallinen kieli", answerType: "yes_no", weight: 0, critical: true },
      ],
    },
  ],
};
export const GOOD_ANSWERS = [
  { criterionKey: "greeting", value: "yes" as const },
  { criterionKey: "need", value: 4 },
  { criterionKey: "summary", value: "na" as const },
  { criterionKey: "rude", value: "yes" as const },
];

export async function enableQuality(t: TestApp, enabled = true): Promise<void> {
  await t.db
    .insert(qualitySettings)
    .values({ singleton: true, enabled, retentionDays: 730 })
    .onConflictDoUpdate({ target: qualitySettings.singleton, set: { enabled } });
}

export async function insertFormVersion(
  t: TestApp,
  status: "draft" | "published" | "retired" = "published",
): Promise<{ formId: string; versionId: string }> {
  const [form] = await t.db
    .insert(qualityForms)
    .values({ organisationId: await organisationId(t, "controller") })
    .returning({ id: qualityForms.id });
  const [version] = await t.db
    .insert(qualityFormVersions)
    .values({
      formId: form?.id ?? "",
      version: 1,
      status,
      content: formContentSchema.parse(FORM),
      publishedAt: status === "draft" ? null : t.clock.now(),
      retiredAt: status === "retired" ? t.clock.now() : null,
    })
    .returning({ id: qualityFormVersions.id });
  return { formId: form?.id ?? "", versionId: version?.id ?? "" };
}

export async function mikkosRecording(t: TestApp): Promise<string> {
  return insertRecording(t, {
    unitCode: "HKI-ASPA",
    staffMemberId: await staffMemberOf(t, "mikko.korhonen"),
  });
}

/** A published form's evaluation of one of Mikko's calls, by `reviewerUserId` (default: a fresh reviewer). */
export async function insertEvaluation(
  t: TestApp,
  options: { reviewerUserId?: string; recordingId?: string; calibrationId?: string } = {},
): Promise<{ evaluationId: string; recordingId: string; versionId: string; reviewerUserId: string }> {
  const recordingId = options.recordingId ?? (await mikkosRecording(t));
  const { versionId } = await insertFormVersion(t);
  const reviewerUserId =
    options.reviewerUserId ??
    (await makeUser(t, { grants: [{ role: "quality_reviewer", unitCode: "HKI-ASPA" }] })).id;
  const [recording] = await t.db.select().from(recordings).where(eq(recordings.id, recordingId));
  const score = scoreEvaluation(formContentSchema.parse(FORM), GOOD_ANSWERS);
  const [row] = await t.db
    .insert(qualityEvaluations)
    .values({
      recordingId,
      unitId: recording?.unitId ?? "",
      staffMemberId: recording?.staffMemberId ?? "",
      callStartedAt: recording?.callStartedAt ?? t.clock.now(),
      formVersionId: versionId,
      reviewerUserId,
      calibrationId: options.calibrationId ?? null,
      answers: GOOD_ANSWERS.map((a) => ({
        ...a,
        fraction: score.criteria.find((c) => c.criterionKey === a.criterionKey)?.fraction ?? null,
      })),
      score: score.score,
      rawScore: score.rawScore,
      passed: score.passed,
      createdAt: t.clock.now(),
    })
    .returning({ id: qualityEvaluations.id });
  return { evaluationId: row?.id ?? "", recordingId, versionId, reviewerUserId };
}

export async function insertMoment(t: TestApp, recordingId: string, evaluationId: string | null = null) {
  const [row] = await t.db
    .insert(qualityMoments)
    .values({ recordingId, evaluationId, kind: "praise", startMs: 1000, endMs: 4000, text: "Hyvä avaus" })
    .returning({ id: qualityMoments.id });
  return row?.id ?? "";
}

export async function insertOpenDispute(t: TestApp): Promise<{ disputeId: string; evaluationId: string }> {
  const evaluation = await insertEvaluation(t);
  const [row] = await t.db
    .insert(qualityDisputes)
    .values({
      evaluationId: evaluation.evaluationId,
      unitId: await unitId(t, "HKI-ASPA"),
      raisedBy: await userId(t, "mikko.korhonen"),
      reason: "Asiakas keskeytti",
      originalReviewerUserId: evaluation.reviewerUserId,
      originalAnswers: [],
      originalScore: 90,
    })
    .returning({ id: qualityDisputes.id });
  return { disputeId: row?.id ?? "", evaluationId: evaluation.evaluationId };
}

export async function insertCalibration(
  t: TestApp,
  leadUsername: "kouluttaja",
): Promise<{ calibrationId: string; recordingId: string }> {
  const recordingId = await mikkosRecording(t);
  const { versionId } = await insertFormVersion(t);
  const lead = await userId(t, leadUsername);
  const [row] = await t.db
    .insert(qualityCalibrations)
    .values({ recordingId, formVersionId: versionId, unitId: await unitId(t, "HKI-ASPA"), leadUserId: lead })
    .returning({ id: qualityCalibrations.id });
  await t.db.insert(qualityCalibrationReviewers).values({ calibrationId: row?.id ?? "", userId: lead });
  return { calibrationId: row?.id ?? "", recordingId };
}
