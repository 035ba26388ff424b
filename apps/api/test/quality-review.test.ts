import { auditEvents, legalHolds, qualityEvaluations, qualityMoments, recordings } from "@kuulo/db/schema";
import { QUALITY_DATA_CATEGORY, QUALITY_EMPLOYEE_RIGHTS } from "@kuulo/domain/quality";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalOf } from "../src/backup/journal-of.js";
import { purgeQualityData } from "../src/jobs/purge-quality-data.js";
import { purgeRecording } from "../src/jobs/purge-recording.js";
import { appRouter } from "../src/routers/app-router.js";
import { makeUser, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import {
  enableQuality,
  FORM,
  GOOD_ANSWERS,
  insertEvaluation,
  insertFormVersion,
  mikkosRecording,
} from "./quality-fixtures.js";
import { insertRecording, insertStaff, OTHER_PASSWORD, staffMemberOf } from "./training-fixtures.js";

const QUALITY_PATHS = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("quality."));
const SYSTEM = { actorType: "system" as const, actorId: null, actorLabel: "test", ip: null };

async function reviewer(t: TestApp, unitCode: string | null) {
  const user = await makeUser(t, {
    grants: [{ role: "quality_reviewer", unitCode }],
    password: OTHER_PASSWORD,
  });
  return { id: user.id, cookie: await t.signInAs(user.username, OTHER_PASSWORD) };
}
const domainOf = (response: { body: { error?: { data: { domain?: Record<string, unknown> } } } }) =>
  response.body.error?.data.domain;
const auditRows = (t: TestApp, action: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.seq));

describe("quality review", () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let trainer: string;
  let mikko: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn("admin");
    officer = await t.signIn("tietosuoja");
    trainer = await t.signIn("kouluttaja");
    mikko = await t.signIn("mikko.korhonen");
  });
  afterAll(async () => {
    await t.close();
  });

  describe("switched off (the default)", () => {
    it("every quality procedure refuses with quality.disabled, before input or data, for every role", async () => {
      const evaluation = await insertEvaluation(t);
      expect(QUALITY_PATHS.length).toBeGreaterThan(20);
      for (const cookie of [admin, officer, trainer, mikko]) {
        for (const path of QUALITY_PATHS) {
          const kind =
            /\.(list|get|forRecording|open|mine|led|reviewers|spread|rules|queue|unit|employee)$/.test(path)
              ? "query"
              : "mutation";
          const response = await t.call(path, { evaluationId: evaluation.evaluationId }, { cookie, kind });
          expect(response.status, path).toBe(403);
          const domain = domainOf(response);
          // Either the role lacks the permission at all, or the switch refuses it; never data.
          expect(["quality.disabled", "permission.missing"], path).toContain(domain?.reason);
          expect(JSON.stringify(response.body)).not.toContain(evaluation.evaluationId);
        }
      }
      const asTrainer = await t.query(
        "quality.evaluations.get",
        { evaluationId: evaluation.evaluationId },
        trainer,
      );
      expect(domainOf(asTrainer)).toMatchObject({ code: "FORBIDDEN", reason: "quality.disabled" });
    });

    it("the privacy notice does not declare quality data while off", async () => {
      const notice = JSON.stringify(dataOf(await t.query("register.privacyNotice", { locale: "en" })));
      expect(notice).not.toContain(QUALITY_DATA_CATEGORY.en);
    });
  });

  describe("the switch", () => {
    it("only an administrator turns it on; audited; the public notice and Art. 30 record change with it", async () => {
      const refused = await t.call(
        "qualitySettings.update",
        { enabled: true, retentionDays: 730 },
        { cookie: trainer },
      );
      expect(refused.status).toBe(403);
      const on = dataOf<{ enabled: boolean; cooperationProcedure: { fi: string[] } }>(
        await t.call("qualitySettings.update", { enabled: true, retentionDays: 400 }, { cookie: admin }),
      );
      expect(on.enabled).toBe(true);
      expect(on.cooperationProcedure.fi.join(" ")).toContain("yhteistoimintamenettely");
      const [row] = await auditRows(t, "quality.settings_update");
      expect(row?.details).toMatchObject({ enabled: true, wasEnabled: false, retentionDays: 400 });
      // The privacy officer reads the switch change in the audit log: who, when, from what to what.
      const seen = dataOf<{ items: { action: string; actorLabel: string | null; details: unknown }[] }>(
        await t.query("audit.find", { action: "quality.settings_update", limit: 5 }, officer),
      );
      expect(seen.items[0]).toMatchObject({
        action: "quality.settings_update",
        actorLabel: "admin",
        details: { enabled: true, wasEnabled: false },
      });
      for (const locale of ["fi", "en"] as const) {
        const notice = JSON.stringify(dataOf(await t.query("register.privacyNotice", { locale })));
        expect(notice).toContain(QUALITY_DATA_CATEGORY[locale]);
        expect(notice).toContain(QUALITY_EMPLOYEE_RIGHTS[locale]);
      }
      const record = dataOf<{
        record: { personalDataCategories: string[]; retention: { qualityDays: number } };
      }>(await t.call("register.recordOfProcessing", { locale: "en" }, { cookie: officer }));
      expect(record.record.personalDataCategories).toContain(QUALITY_DATA_CATEGORY.en);
      expect(record.record.retention.qualityDays).toBe(400);
      await t.call("qualitySettings.update", { enabled: false, retentionDays: 730 }, { cookie: admin });
      const off = JSON.stringify(dataOf(await t.query("register.privacyNotice", { locale: "en" })));
      expect(off).not.toContain(QUALITY_DATA_CATEGORY.en);
      await enableQuality(t);
    });
  });

  describe("switched on", () => {
    beforeAll(async () => {
      await enableQuality(t);
    });

    it("the loop: officer builds a form, trainer evaluates with two moments, the person replies, acknowledges and disputes, another reviewer resolves", async () => {
      const draft = dataOf<{ id: string; status: string }>(
        await t.call("quality.forms.create", { content: FORM }, { cookie: officer }),
      );
      expect(draft.status).toBe("draft");
      dataOf(await t.call("quality.forms.publish", { versionId: draft.id }, { cookie: officer }));
      const recordingId = await mikkosRecording(t);
      const evaluation = dataOf<{ id: string; score: number; passed: boolean; moments: unknown[] }>(
        await t.call(
          "quality.evaluations.create",
          {
            recordingId,
            formVersionId: draft.id,
            answers: GOOD_ANSWERS,
            summary: "Hyvä puhelu",
            moments: [
              {
                kind: "praise",
                startMs: 1000,
                endMs: 3000,
                text: "Lämmin tervehdys",
                criterionKey: "greeting",
              },
              { kind: "improve", startMs: 20_000, text: "Kysy tarve ennen tarjousta" },
            ],
          },
          { cookie: trainer },
        ),
      );
      expect(evaluation.score).toBe(81.3); // (10 + 30 * 0.75) / 40, summary N/A excluded
      expect(evaluation.passed).toBe(true);
      expect(evaluation.moments).toHaveLength(2);

      const readsBefore = (await auditRows(t, "quality.evaluation_read")).length;
      const seen = dataOf<{ evaluations: { id: string }[]; moments: { id: string; kind: string }[] }>(
        await t.query("quality.evaluations.forRecording", { recordingId }, mikko),
      );
      expect(seen.evaluations.map((e) => e.id)).toEqual([evaluation.id]);
      expect(seen.moments.map((m) => m.kind)).toEqual(["praise", "improve"]);
      // The person's own view is not a disclosure: no read row.
      expect((await auditRows(t, "quality.evaluation_read")).length).toBe(readsBefore);

      const improve = seen.moments[1]?.id ?? "";
      const replied = dataOf<{ replies: { text: string }[] }>(
        await t.call(
          "quality.moments.reply",
          { momentId: improve, text: "Asiakas kiirehti" },
          { cookie: mikko },
        ),
      );
      expect(replied.replies.map((r) => r.text)).toEqual(["Asiakas kiirehti"]);
      dataOf(await t.call("quality.moments.acknowledge", { momentId: improve }, { cookie: mikko }));
      dataOf(
        await t.call("quality.evaluations.acknowledge", { evaluationId: evaluation.id }, { cookie: mikko }),
      );
      // The reviewer sees the reply and the acknowledgement; that view of Mikko's evaluation is audited.
      const reviewerView = dataOf<{ moments: { acknowledgedAt: string | null; replies: unknown[] }[] }>(
        await t.query("quality.evaluations.get", { evaluationId: evaluation.id }, trainer),
      );
      expect(reviewerView.moments.find((m) => m.replies.length === 1)?.acknowledgedAt).not.toBeNull();
      expect((await auditRows(t, "quality.evaluation_read"))[0]?.targetId).toBe(evaluation.id);

      const disputed = dataOf<{ dispute: { status: string } }>(
        await t.call(
          "quality.disputes.raise",
          { evaluationId: evaluation.id, reason: "Tarve selvitettiin jo aiemmassa puhelussa" },
          { cookie: mikko },
        ),
      );
      expect(disputed.dispute.status).toBe("open");
      const again = await t.call(
        "quality.disputes.raise",
        { evaluationId: evaluation.id, reason: "Uudestaan" },
        { cookie: mikko },
      );
      expect(domainOf(again)).toMatchObject({ reason: "quality.already_disputed" });

      const open = dataOf<{ disputeId: string; mayResolve: boolean }[]>(
        await t.query("quality.disputes.open", {}, trainer),
      );
      const mine = open.find((d) => d.mayResolve === false);
      expect(mine).toBeDefined();
      // The reviewer who made the evaluation cannot resolve its dispute.
      const own = await t.call(
        "quality.disputes.resolve",
        { disputeId: mine?.disputeId, decision: "uphold", resolution: "Pysyy" },
        { cookie: trainer },
      );
      expect(own.status).toBe(403);
      expect(domainOf(own)).toMatchObject({ reason: "quality.dispute_own_evaluation" });

      const second = await reviewer(t, "HKI-ASPA");
      const changed = [
        ...GOOD_ANSWERS.slice(0, 1),
        { criterionKey: "need", value: 5 },
        ...GOOD_ANSWERS.slice(2),
      ];
      const resolved = dataOf<{
        score: number;
        revision: number;
        dispute: {
          status: string;
          originalScore: number;
          resultingScore: number;
          originalAnswers: unknown[];
        };
      }>(
        await t.call(
          "quality.disputes.resolve",
          {
            disputeId: mine?.disputeId,
            decision: "change",
            resolution: "Tarve oli selvitetty",
            answers: changed,
          },
          { cookie: second.cookie },
        ),
      );
      expect(resolved.score).toBe(100);
      expect(resolved.revision).toBe(2);
      expect(resolved.dispute).toMatchObject({ status: "changed", originalScore: 81.3, resultingScore: 100 });
      expect(resolved.dispute.originalAnswers).toHaveLength(4);
      expect((await auditRows(t, "quality.dispute_resolve"))[0]?.details).toMatchObject({
        decision: "change",
        originalScore: 81.3,
        resultingScore: 100,
      });
    });

    it("an employee cannot read a colleague's evaluation", async () => {
      const colleague = await makeUser(t, {
        grants: [{ role: "employee", unitCode: "HKI-ASPA" }],
        password: OTHER_PASSWORD,
      });
      const cookie = await t.signInAs(colleague.username, OTHER_PASSWORD);
      const { evaluationId, recordingId } = await insertEvaluation(t);
      for (const [path, input] of [
        ["quality.evaluations.get", { evaluationId }],
        ["quality.evaluations.forRecording", { recordingId }],
        ["quality.evaluations.list", { staffMemberId: await staffMemberOf(t, "mikko.korhonen") }],
        ["quality.reports.employee", { staffMemberId: await staffMemberOf(t, "mikko.korhonen") }],
      ] as const) {
        const response = await t.query(path, input, cookie);
        expect(response.status, path).toBe(403);
        expect(JSON.stringify(response.body)).not.toContain(evaluationId);
      }
      const denied = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "access.denied"), eq(auditEvents.targetId, evaluationId)));
      expect(denied.length).toBeGreaterThan(0);
    });

    it("a reviewer outside the unit can neither evaluate, read nor resolve", async () => {
      const outsider = await reviewer(t, "TRE-ASPA");
      const { evaluationId, recordingId, versionId } = await insertEvaluation(t);
      const create = await t.call(
        "quality.evaluations.create",
        { recordingId, formVersionId: versionId, answers: GOOD_ANSWERS },
        { cookie: outsider.cookie },
      );
      expect(domainOf(create)).toMatchObject({ code: "FORBIDDEN", reason: "scope.outside" });
      expect((await t.query("quality.evaluations.get", { evaluationId }, outsider.cookie)).status).toBe(403);
      const report = await t.query(
        "quality.reports.unit",
        { unitId: await unitId(t, "HKI-ASPA") },
        outsider.cookie,
      );
      expect(report.status).toBe(403);
      const inside = await reviewer(t, "HKI-ASPA");
      expect((await t.query("quality.evaluations.get", { evaluationId }, inside.cookie)).status).toBe(200);
    });

    it("customer data in feedback is refused naming the field, and nothing is written", async () => {
      const recordingId = await mikkosRecording(t);
      const { versionId } = await insertFormVersion(t);
      const withPhone = await t.call(
        "quality.evaluations.create",
        {
          recordingId,
          formVersionId: versionId,
          answers: GOOD_ANSWERS,
          moments: [{ kind: "improve", startMs: 0, text: "Soita asiakkaalle 040 123 4567" }],
        },
        { cookie: trainer },
      );
      expect(withPhone.status).toBe(400);
      expect(domainOf(withPhone)).toMatchObject({
        code: "VALIDATION",
        rule: "R4",
        reason: "personal_data.phone",
      });
      expect(String(domainOf(withPhone)?.field)).toContain("moments.0.text");
      const moment = await t.call(
        "quality.moments.create",
        { recordingId, kind: "question", startMs: 0, text: "Kuka on matti@example.fi?" },
        { cookie: trainer },
      );
      expect(domainOf(moment)).toMatchObject({ rule: "R4", reason: "personal_data.email" });
      const rows = await t.db
        .select()
        .from(qualityEvaluations)
        .where(eq(qualityEvaluations.recordingId, recordingId));
      const moments = await t.db
        .select()
        .from(qualityMoments)
        .where(eq(qualityMoments.recordingId, recordingId));
      expect(rows).toEqual([]);
      expect(moments).toEqual([]);
    });

    it("a retired or draft form version cannot evaluate", async () => {
      const recordingId = await mikkosRecording(t);
      for (const [status, reason] of [
        ["retired", "quality.form_version_retired"],
        ["draft", "quality.form_version_draft"],
      ] as const) {
        const { versionId } = await insertFormVersion(t, status);
        const response = await t.call(
          "quality.evaluations.create",
          { recordingId, formVersionId: versionId, answers: GOOD_ANSWERS },
          { cookie: trainer },
        );
        expect(response.status).toBe(409);
        expect(domainOf(response)).toMatchObject({ reason });
      }
    });

    it("editing a published form makes a new version; the old evaluation keeps its version", async () => {
      const created = dataOf<{ id: string; formId: string }>(
        await t.call("quality.forms.create", { content: FORM }, { cookie: officer }),
      );
      dataOf(await t.call("quality.forms.publish", { versionId: created.id }, { cookie: officer }));
      const v2 = dataOf<{ id: string; version: number; status: string }>(
        await t.call(
          "quality.forms.saveDraft",
          { formId: created.formId, content: { ...FORM, name: "Versio 2" } },
          { cookie: officer },
        ),
      );
      expect(v2).toMatchObject({ version: 2, status: "draft" });
      dataOf(await t.call("quality.forms.publish", { versionId: v2.id }, { cookie: officer }));
      const form = dataOf<{ versions: { id: string; status: string }[] }>(
        await t.call("quality.forms.get", { formId: created.formId }, { cookie: officer, kind: "query" }),
      );
      expect(form.versions.map((v) => v.status)).toEqual(["published", "retired"]);
      const republish = await t.call("quality.forms.publish", { versionId: created.id }, { cookie: officer });
      expect(domainOf(republish)).toMatchObject({ reason: "quality.form_not_draft" });
    });

    it("calibration: answers are blind to other reviewers; the lead sees the spread per criterion", async () => {
      const second = await reviewer(t, "HKI-ASPA");
      const recordingId = await mikkosRecording(t);
      const { versionId } = await insertFormVersion(t);
      const { calibrationId } = dataOf<{ calibrationId: string }>(
        await t.call(
          "quality.calibrations.create",
          {
            recordingId,
            formVersionId: versionId,
            reviewerUserIds: [await userId(t, "kouluttaja"), second.id],
          },
          { cookie: trainer },
        ),
      );
      const mine = dataOf<{ id: string }>(
        await t.call(
          "quality.calibrations.submit",
          { calibrationId, answers: GOOD_ANSWERS },
          { cookie: trainer },
        ),
      );
      const theirs = [
        { criterionKey: "greeting", value: "no" },
        { criterionKey: "need", value: 2 },
        ...GOOD_ANSWERS.slice(2),
      ];
      dataOf(
        await t.call(
          "quality.calibrations.submit",
          { calibrationId, answers: theirs },
          { cookie: second.cookie },
        ),
      );
      const blind = await t.query("quality.evaluations.get", { evaluationId: mine.id }, second.cookie);
      expect(domainOf(blind)).toMatchObject({ reason: "quality.calibration_blind" });
      const listed = dataOf<{ evaluations: { id: string }[] }>(
        await t.query("quality.evaluations.forRecording", { recordingId }, second.cookie),
      );
      expect(listed.evaluations.map((e) => e.id)).not.toContain(mine.id);
      const notLead = await t.query("quality.calibrations.spread", { calibrationId }, second.cookie);
      expect(domainOf(notLead)).toMatchObject({ reason: "quality.calibration_not_lead" });
      const spread = dataOf<{
        reviewers: number;
        criteria: { criterionKey: string; range: number | null; agreed: boolean }[];
      }>(await t.query("quality.calibrations.spread", { calibrationId }, trainer));
      expect(spread.reviewers).toBe(2);
      expect(spread.criteria.find((c) => c.criterionKey === "greeting")).toMatchObject({
        range: 100,
        agreed: false,
      });
      expect(spread.criteria.find((c) => c.criterionKey === "need")).toMatchObject({ range: 50 });
      expect(spread.criteria.find((c) => c.criterionKey === "rude")).toMatchObject({
        range: 0,
        agreed: true,
      });
    });

    it("sampling queue: a fair draw of N unevaluated calls per employee this month, keyset-paged without repeats", async () => {
      const unit = await unitId(t, "TRE-ASPA");
      const lead = await reviewer(t, "TRE-ASPA");
      const staff = [await insertStaff(t, "TRE-ASPA", "Aalto"), await insertStaff(t, "TRE-ASPA", "Berg")];
      const monthStart = new Date(
        Date.UTC(t.clock.now().getUTCFullYear(), t.clock.now().getUTCMonth(), 1, 1),
      );
      for (const staffMemberId of staff) {
        for (let i = 0; i < 6; i++) {
          await insertRecording(t, {
            unitCode: "TRE-ASPA",
            staffMemberId,
            callStartedAt: new Date(monthStart.getTime() + i * 3_600_000),
          });
        }
      }
      dataOf(
        await t.call("quality.sampling.setRule", { unitId: unit, perEmployeePerMonth: 3 }, { cookie: admin }),
      );
      const first = dataOf<{
        items: { recordingId: string; staffMember: { id: string } }[];
        nextCursor: string | null;
        dueAt: string;
      }>(await t.query("quality.sampling.queue", { unitId: unit, limit: 4 }, lead.cookie));
      expect(first.items).toHaveLength(4);
      expect(first.nextCursor).not.toBeNull();
      const rest = dataOf<{
        items: { recordingId: string; staffMember: { id: string } }[];
        nextCursor: string | null;
      }>(
        await t.query(
          "quality.sampling.queue",
          { unitId: unit, limit: 4, cursor: first.nextCursor },
          lead.cookie,
        ),
      );
      const all = [...first.items, ...rest.items];
      expect(all).toHaveLength(6);
      expect(new Set(all.map((i) => i.recordingId)).size).toBe(6);
      for (const staffMemberId of staff)
        expect(all.filter((i) => i.staffMember.id === staffMemberId)).toHaveLength(3);
      // The draw is stable within the month; evaluating one call lowers that person's remaining quota.
      const again = dataOf<{ items: { recordingId: string }[] }>(
        await t.query("quality.sampling.queue", { unitId: unit, limit: 4 }, lead.cookie),
      );
      expect(again.items.map((i) => i.recordingId)).toEqual(first.items.map((i) => i.recordingId));
      const { versionId } = await insertFormVersion(t);
      const picked = first.items[0];
      dataOf(
        await t.call(
          "quality.evaluations.create",
          { recordingId: picked?.recordingId, formVersionId: versionId, answers: GOOD_ANSWERS },
          { cookie: lead.cookie },
        ),
      );
      const after = dataOf<{ items: { recordingId: string; staffMember: { id: string } }[] }>(
        await t.query("quality.sampling.queue", { unitId: unit, limit: 50 }, lead.cookie),
      );
      expect(after.items).toHaveLength(5);
      expect(after.items.map((i) => i.recordingId)).not.toContain(picked?.recordingId);
      expect(after.items.filter((i) => i.staffMember.id === picked?.staffMember.id)).toHaveLength(2);
    });

    it("reports: the unit's trend, distribution, weakest criteria and reviewer activity; the person's own report", async () => {
      const unit = await unitId(t, "HKI-ASPA");
      const report = dataOf<{
        trend: { evaluations: number }[];
        distribution: number[];
        weakestCriteria: { criterionKey: string; title: string; average: number }[];
        reviewers: { name: string; evaluations: number }[];
      }>(await t.query("quality.reports.unit", { unitId: unit, reviewerLimit: 1 }, trainer));
      const total = report.trend.reduce((sum, p) => sum + p.evaluations, 0);
      expect(total).toBeGreaterThan(0);
      expect(report.distribution.reduce((a, b) => a + b, 0)).toBe(total);
      expect(report.weakestCriteria[0]).toMatchObject({ criterionKey: "need", title: "Tarpeen selvitys" });
      expect(report.reviewers).toHaveLength(1);
      const own = dataOf<{ own: boolean; trend: unknown[]; weakestCriteria: unknown[] }>(
        await t.query("quality.reports.employee", {}, mikko),
      );
      expect(own.own).toBe(true);
      expect(own.trend.length).toBeGreaterThan(0);
      const list = dataOf<{ items: { id: string }[]; nextCursor: string | null }>(
        await t.query("quality.evaluations.list", { limit: 2 }, mikko),
      );
      expect(list.items).toHaveLength(2);
      const next = dataOf<{ items: { id: string }[] }>(
        await t.query("quality.evaluations.list", { limit: 2, cursor: list.nextCursor }, mikko),
      );
      expect(next.items.map((i) => i.id)).not.toContain(list.items[0]?.id);
    });

    it("erasing the recording erases its quality data; the tombstone holds counts only (R13)", async () => {
      const { evaluationId, recordingId } = await insertEvaluation(t);
      await t.db
        .insert(qualityMoments)
        .values({ recordingId, evaluationId, kind: "praise", startMs: 0, text: "Hyvä" });
      const purged = await purgeRecording(t.db, {
        recordingId,
        now: t.clock.now(),
        reason: "erasure",
        requireDue: false,
        actor: SYSTEM,
        journal: journalOf(t),
      });
      expect(purged).not.toBeNull();
      expect(
        await t.db.select().from(qualityEvaluations).where(eq(qualityEvaluations.id, evaluationId)),
      ).toEqual([]);
      expect(
        await t.db.select().from(qualityMoments).where(eq(qualityMoments.recordingId, recordingId)),
      ).toEqual([]);
      const [tombstone] = await auditRows(t, "recording.erase");
      expect(tombstone?.details).toMatchObject({ qualityEvaluations: 1, qualityMoments: 1 });
    });

    it("their own retention purges old quality data, except under legal hold; the tombstone has no personal data", async () => {
      const old = await insertEvaluation(t);
      const held = await insertEvaluation(t);
      await t.db.insert(legalHolds).values({ recordingId: held.recordingId, reason: "Riita-asia" });
      const later = new Date(t.clock.now().getTime() + 731 * 86_400_000);
      const fresh = await insertEvaluation(t);
      await t.db
        .update(qualityEvaluations)
        .set({ createdAt: later })
        .where(eq(qualityEvaluations.id, fresh.evaluationId));
      const result = await purgeQualityData(t.db, { now: new Date(later.getTime() + 1000), actor: SYSTEM });
      expect(result.evaluations).toBeGreaterThan(0);
      const ids = (await t.db.select({ id: qualityEvaluations.id }).from(qualityEvaluations)).map(
        (r) => r.id,
      );
      expect(ids).not.toContain(old.evaluationId);
      expect(ids).toContain(held.evaluationId);
      expect(ids).toContain(fresh.evaluationId);
      const [tombstone] = await auditRows(t, "quality.purge");
      expect(Object.keys(tombstone?.details ?? {}).sort()).toEqual([
        "calibrations",
        "cutoff",
        "evaluations",
        "moments",
        "retentionDays",
      ]);
      // The database refuses deleting quality data of a held recording by hand too.
      await expect(
        t.db.delete(qualityEvaluations).where(eq(qualityEvaluations.id, held.evaluationId)),
      ).rejects.toThrow();
      const [recording] = await t.db.select().from(recordings).where(eq(recordings.id, held.recordingId));
      expect(recording?.legalHold).toBe(true);
    });
  });
});
