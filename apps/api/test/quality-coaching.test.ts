import { auditEvents, playlists, qualityMoments } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import {
  enableQuality,
  GOOD_ANSWERS,
  insertCalibration,
  insertEvaluation,
  insertFormVersion,
  mikkosRecording,
} from "./quality-fixtures.js";
import { insertRecording, insertStaff, OTHER_PASSWORD } from "./training-fixtures.js";

/**
 * Moments linked to criteria, and coaching from a weak criterion: the link is checked against the
 * evaluation's own form version; coaching reuses the playlist verbs, so their scope rules refuse for it.
 */
const domainOf = (response: { body: { error?: { data: { domain?: Record<string, unknown> } } } }) =>
  response.body.error?.data.domain;

interface EvaluationOut {
  id: string;
  moments: { id: string; criterionKey: string | null; startMs: number; endMs: number | null }[];
}
interface PlaylistOut {
  id: string;
  status: string;
  title: string;
  items: { clipStartMs: number; clipEndMs: number | null; note: string; recording: { id: string } | null }[];
  assignments: { kind: string; userId: string | null }[];
}

async function signedInAs(t: TestApp, role: "trainer" | "quality_reviewer", unitCode: string) {
  const user = await makeUser(t, { grants: [{ role, unitCode }], password: OTHER_PASSWORD });
  return { id: user.id, cookie: await t.signInAs(user.username, OTHER_PASSWORD) };
}

describe("quality coaching", () => {
  let t: TestApp;
  let trainer: string;
  let mikko: string;
  beforeAll(async () => {
    t = await createTestApp();
    await enableQuality(t);
    trainer = await t.signIn("kouluttaja");
    mikko = await t.signIn("mikko.korhonen");
  });
  afterAll(async () => {
    await t.close();
  });

  /** The trainer's own evaluation of a call of Mikko's: a weak "need", with a range and a point linked to it. */
  async function trainersEvaluation(): Promise<{ evaluation: EvaluationOut; recordingId: string }> {
    const recordingId = await mikkosRecording(t);
    const { versionId } = await insertFormVersion(t);
    const response = await t.call(
      "quality.evaluations.create",
      {
        recordingId,
        formVersionId: versionId,
        answers: GOOD_ANSWERS.map((a) => (a.criterionKey === "need" ? { ...a, value: 2 } : a)),
        moments: [
          { kind: "improve", startMs: 2000, endMs: 6000, text: "Kysy tarve ensin", criterionKey: "need" },
          { kind: "improve", startMs: 50_000, endMs: null, text: "Tarkenna vielä", criterionKey: "need" },
          { kind: "praise", startMs: 0, endMs: 1000, text: "Lämmin tervehdys", criterionKey: "greeting" },
          { kind: "praise", startMs: 10_000, endMs: 12_000, text: "Hyvä rauhallinen tahti" },
        ],
      },
      { cookie: trainer },
    );
    return { evaluation: dataOf<EvaluationOut>(response), recordingId };
  }

  describe("a moment links to a criterion of its evaluation's form version", () => {
    it("an evaluation stores each moment's criterion and shows it with the moment", async () => {
      const { evaluation } = await trainersEvaluation();
      expect(evaluation.moments.map((m) => m.criterionKey).sort()).toEqual([
        "greeting",
        "need",
        "need",
        null,
      ]);
    });

    it("a moment added later to one's own evaluation links to that form's criteria only", async () => {
      const { evaluation, recordingId } = await trainersEvaluation();
      const base = { recordingId, evaluationId: evaluation.id, kind: "question", startMs: 3000, endMs: 4000 };
      const linked = await t.call(
        "quality.moments.create",
        { ...base, text: "Miksi tässä?", criterionKey: "summary" },
        { cookie: trainer },
      );
      expect(dataOf<{ criterionKey: string }>(linked).criterionKey).toBe("summary");

      const unknown = await t.call(
        "quality.moments.create",
        { ...base, text: "Miksi tässä?", criterionKey: "empathy" },
        { cookie: trainer },
      );
      expect(unknown.status).toBe(400);
      expect(domainOf(unknown)).toMatchObject({ reason: "quality.unknown_criterion", field: "criterionKey" });

      const loose = await t.call(
        "quality.moments.create",
        { ...base, evaluationId: null, text: "Miksi tässä?", criterionKey: "need" },
        { cookie: trainer },
      );
      expect(loose.status).toBe(400);
      expect(domainOf(loose)).toMatchObject({ reason: "quality.moment_criterion_without_evaluation" });
    });

    it("refuses linking a moment into a colleague's evaluation", async () => {
      const colleagues = await insertEvaluation(t);
      const response = await t.call(
        "quality.moments.create",
        {
          recordingId: colleagues.recordingId,
          evaluationId: colleagues.evaluationId,
          kind: "improve",
          startMs: 1000,
          endMs: 2000,
          text: "Kysy tarve ensin",
          criterionKey: "need",
        },
        { cookie: trainer },
      );
      expect(response.status).toBe(400);
      expect(domainOf(response)).toMatchObject({ reason: "quality.moment_evaluation" });
      const stored = await t.db
        .select()
        .from(qualityMoments)
        .where(eq(qualityMoments.evaluationId, colleagues.evaluationId));
      expect(stored).toEqual([]);
    });

    it("an evaluation refuses a moment linked to a key its form does not have, naming the moment", async () => {
      const recordingId = await mikkosRecording(t);
      const { versionId } = await insertFormVersion(t);
      const response = await t.call(
        "quality.evaluations.create",
        {
          recordingId,
          formVersionId: versionId,
          answers: GOOD_ANSWERS,
          moments: [
            { kind: "praise", startMs: 0, endMs: 1000, text: "Hyvä", criterionKey: "greeting" },
            { kind: "praise", startMs: 0, endMs: 1000, text: "Hyvä", criterionKey: "empathy" },
          ],
        },
        { cookie: trainer },
      );
      expect(response.status).toBe(400);
      expect(domainOf(response)).toMatchObject({
        reason: "quality.unknown_criterion",
        field: "moments.1.criterionKey",
      });
    });
  });

  describe("coaching from a weak criterion", () => {
    it("makes a draft playlist of the criterion's moments as clips, assigned to the person", async () => {
      const { evaluation, recordingId } = await trainersEvaluation();
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: evaluation.id, criterionKey: "need", title: "Valmennus: Tarpeen selvitys" },
        { cookie: trainer },
      );
      const playlist = dataOf<PlaylistOut>(response);
      expect(playlist).toMatchObject({ status: "draft", title: "Valmennus: Tarpeen selvitys" });
      expect(playlist.items).toEqual([
        expect.objectContaining({ clipStartMs: 2000, clipEndMs: 6000, note: "Kysy tarve ensin" }),
        // A point moment plays the following seconds, cut at the end of the 60 s call.
        expect.objectContaining({ clipStartMs: 50_000, clipEndMs: 60_000, note: "Tarkenna vielä" }),
      ]);
      expect(playlist.items.every((item) => item.recording?.id === recordingId)).toBe(true);
      expect(playlist.assignments).toEqual([
        expect.objectContaining({ kind: "user", userId: await userId(t, "mikko.korhonen") }),
      ]);
      const [row] = await t.db.select().from(playlists).where(eq(playlists.id, playlist.id));
      expect(row?.unitId).toBe(await unitId(t, "HKI-ASPA"));
      const audited = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "quality.coaching_start"), eq(auditEvents.targetId, playlist.id)));
      expect(audited).toHaveLength(1);
    });

    it("a colleague's evaluation in the unit is coached from too (the criterion need not have moments)", async () => {
      const colleagues = await insertEvaluation(t);
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: colleagues.evaluationId, criterionKey: "summary", title: "Valmennus: Yhteenveto" },
        { cookie: trainer },
      );
      expect(dataOf<PlaylistOut>(response).items).toEqual([]);
    });

    it("refuses a criterion the evaluation's form does not have", async () => {
      const { evaluation } = await trainersEvaluation();
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: evaluation.id, criterionKey: "empathy", title: "Valmennus" },
        { cookie: trainer },
      );
      expect(response.status).toBe(400);
      expect(domainOf(response)).toMatchObject({ reason: "quality.unknown_criterion" });
    });

    it("refuses a trainer outside the call's unit, and writes no playlist", async () => {
      const { evaluation } = await trainersEvaluation();
      const outsider = await signedInAs(t, "trainer", "TRE-ASPA");
      const before = await t.db.select().from(playlists);
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: evaluation.id, criterionKey: "need", title: "Valmennus" },
        { cookie: outsider.cookie },
      );
      expect(response.status).toBe(403);
      expect(await t.db.select().from(playlists)).toHaveLength(before.length);
    });

    it("refuses a reviewer of the unit who curates no playlists, and the person themself", async () => {
      const { evaluation } = await trainersEvaluation();
      const reviewer = await signedInAs(t, "quality_reviewer", "HKI-ASPA");
      for (const cookie of [reviewer.cookie, mikko]) {
        const response = await t.call(
          "quality.coaching.start",
          { evaluationId: evaluation.id, criterionKey: "need", title: "Valmennus" },
          { cookie },
        );
        expect(response.status).toBe(403);
        expect(domainOf(response)).toMatchObject({ reason: "permission.missing" });
      }
    });

    it("keeps calibration answers blind: no coaching from another reviewer's calibration", async () => {
      const calibration = await insertCalibration(t, "kouluttaja");
      const other = await makeUser(t, { grants: [{ role: "quality_reviewer", unitCode: "HKI-ASPA" }] });
      const blind = await insertEvaluation(t, {
        recordingId: calibration.recordingId,
        calibrationId: calibration.calibrationId,
        reviewerUserId: other.id,
      });
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: blind.evaluationId, criterionKey: "need", title: "Valmennus" },
        { cookie: trainer },
      );
      expect(response.status).toBe(403);
      expect(domainOf(response)).toMatchObject({ reason: "quality.calibration_blind" });
    });

    it("refuses when the person has no user account to assign to, before writing anything", async () => {
      const staffMemberId = await insertStaff(t, "HKI-ASPA");
      const recordingId = await insertRecording(t, { unitCode: "HKI-ASPA", staffMemberId });
      const evaluation = await insertEvaluation(t, { recordingId });
      const before = await t.db.select().from(playlists);
      const response = await t.call(
        "quality.coaching.start",
        { evaluationId: evaluation.evaluationId, criterionKey: "need", title: "Valmennus" },
        { cookie: trainer },
      );
      expect(response.status).toBe(400);
      expect(domainOf(response)).toMatchObject({ reason: "quality.coaching_no_account" });
      expect(await t.db.select().from(playlists)).toHaveLength(before.length);
    });

    it("refuses customer data in the title (R4) and refuses everything while quality review is off", async () => {
      const { evaluation } = await trainersEvaluation();
      const guarded = await t.call(
        "quality.coaching.start",
        { evaluationId: evaluation.id, criterionKey: "need", title: "Soita 040 1234567" },
        { cookie: trainer },
      );
      expect(guarded.status).toBe(400);
      await enableQuality(t, false);
      try {
        const off = await t.call(
          "quality.coaching.start",
          { evaluationId: evaluation.id, criterionKey: "need", title: "Valmennus" },
          { cookie: trainer },
        );
        expect(off.status).toBe(403);
        expect(domainOf(off)).toMatchObject({ reason: "quality.disabled" });
      } finally {
        await enableQuality(t, true);
      }
    });
  });
});
