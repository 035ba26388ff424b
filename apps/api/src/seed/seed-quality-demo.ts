import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import {
  qualityEvaluations,
  qualityForms,
  qualityFormVersions,
  qualityMoments,
  recordings,
  staffMembers,
  units,
  users,
} from "@kuulo/db/schema";
import {
  type AnswerValue,
  type FormContentInput,
  formContentSchema,
  scoreEvaluation,
} from "@kuulo/domain/quality";
import { and, asc, eq } from "drizzle-orm";

export const DEMO_QUALITY_FORM: FormContentInput = {
  name: "Asiakaspalvelun laatu",
  description: "Demolomake: avaus, tarpeen selvitys ja lopetus.",
  passMark: 70,
  sections: [
    {
      key: "opening",
      title: "Avaus",
      criteria: [
        { key: "greeting", title: "Tervehdys ja esittäytyminen", answerType: "yes_no", weight: 10 },
        { key: "tone", title: "Ystävällinen ja selkeä puhe", answerType: "scale_1_5", weight: 20 },
      ],
    },
    {
      key: "handling",
      title: "Asian käsittely",
      criteria: [
        { key: "need", title: "Tarpeen selvitys ennen ratkaisua", answerType: "scale_1_5", weight: 30 },
        { key: "offer", title: "Lisämyynnin mahdollisuus", answerType: "yes_no", weight: 10, allowNa: true },
        { key: "respect", title: "Asiallinen kieli", answerType: "yes_no", weight: 0, critical: true },
      ],
    },
    {
      key: "closing",
      title: "Lopetus",
      criteria: [
        { key: "summary", title: "Yhteenveto ja jatkosta sopiminen", answerType: "yes_no", weight: 20 },
      ],
    },
  ],
};

const DEMO_ANSWERS: Record<string, AnswerValue>[] = [
  { greeting: "yes", tone: 4, need: 3, offer: "na", respect: "yes", summary: "yes" },
  { greeting: "yes", tone: 5, need: 4, offer: "yes", respect: "yes", summary: "no" },
  { greeting: "no", tone: 3, need: 2, offer: "no", respect: "yes", summary: "yes" },
];

/**
 * Demo mode, first start: one published evaluation form and evaluations of Mikko's demo calls by the
 * demo trainer, with moments. Dormant while quality review is off (the default): nothing shows them
 * until an administrator turns the feature on.
 */
export async function seedQualityDemo(db: Database, now: Date = new Date()): Promise<number> {
  const [trainer] = await db.select().from(users).where(eq(users.username, "kouluttaja"));
  if (!trainer) return 0;
  const calls = await db
    .select({
      id: recordings.id,
      unitId: recordings.unitId,
      staffMemberId: recordings.staffMemberId,
      callStartedAt: recordings.callStartedAt,
      durationMs: recordings.durationMs,
    })
    .from(recordings)
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .innerJoin(units, eq(units.id, recordings.unitId))
    .where(and(eq(staffMembers.username, "mikko.korhonen"), eq(units.code, "HKI-ASPA")))
    .orderBy(asc(recordings.callStartedAt));
  const content = formContentSchema.parse(DEMO_QUALITY_FORM);
  return db.transaction(async (tx) => {
    const [form] = await tx
      .insert(qualityForms)
      .values({ organisationId: trainer.organisationId, createdAt: now })
      .returning({ id: qualityForms.id });
    const [version] = await tx
      .insert(qualityFormVersions)
      .values({
        formId: form?.id ?? "",
        version: 1,
        status: "published",
        content,
        createdAt: now,
        publishedAt: now,
      })
      .returning({ id: qualityFormVersions.id });
    let count = 0;
    for (const [index, call] of calls.slice(0, DEMO_ANSWERS.length).entries()) {
      const given = Object.entries(DEMO_ANSWERS[index] ?? {}).map(([criterionKey, value]) => ({
        criterionKey,
        value,
      }));
      const score = scoreEvaluation(content, given);
      const [evaluation] = await tx
        .insert(qualityEvaluations)
        .values({
          recordingId: call.id,
          unitId: call.unitId,
          staffMemberId: call.staffMemberId,
          callStartedAt: call.callStartedAt,
          formVersionId: version?.id ?? "",
          reviewerUserId: trainer.id,
          answers: given.map((answer) => ({
            ...answer,
            fraction: score.criteria.find((c) => c.criterionKey === answer.criterionKey)?.fraction ?? null,
          })),
          summary: index === 2 ? "Tarpeen selvitys jäi lyhyeksi." : "Hyvä ja selkeä puhelu.",
          score: score.score,
          rawScore: score.rawScore,
          passed: score.passed,
          criticalFailed: score.criticalFailures.length > 0,
          createdAt: new Date(now.getTime() - (DEMO_ANSWERS.length - index) * 86_400_000),
        })
        .returning({ id: qualityEvaluations.id });
      const third = Math.floor(call.durationMs / 3);
      await tx.insert(qualityMoments).values([
        {
          recordingId: call.id,
          evaluationId: evaluation?.id ?? null,
          authorUserId: trainer.id,
          kind: "praise",
          startMs: 0,
          endMs: Math.min(third, 5000),
          text: "Lämmin ja selkeä avaus.",
          criterionKey: "greeting",
          createdAt: now,
        },
        {
          recordingId: call.id,
          evaluationId: evaluation?.id ?? null,
          authorUserId: trainer.id,
          kind: "improve",
          startMs: third,
          endMs: 2 * third,
          text: "Kysy asiakkaan tarve ennen kuin tarjoat ratkaisua.",
          criterionKey: "need",
          createdAt: now,
        },
      ]);
      count += 1;
    }
    await appendAuditEvent(tx, {
      actorType: "system",
      actorId: null,
      actorLabel: "demo-start",
      ip: null,
      occurredAt: now,
      action: "quality.demo_seed",
      targetType: "quality_form",
      targetId: form?.id ?? null,
      outcome: "success",
      details: { evaluations: count },
    });
    return count;
  });
}
