import { auditEvents, users } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import {
  enableQuality,
  GOOD_ANSWERS,
  insertEvaluation,
  insertFormVersion,
  mikkosRecording,
} from "./quality-fixtures.js";
import { OTHER_PASSWORD, staffMemberOf } from "./training-fixtures.js";

/** The calibration desk the training app draws: finding reviewers by name, the lead's and reviewer's lists. */
describe("quality calibration lists and reviewer search", () => {
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

  const person = async (role: "quality_reviewer" | "employee", unitCode: string) => {
    const user = await makeUser(t, { grants: [{ role, unitCode }], password: OTHER_PASSWORD });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    return {
      id: user.id,
      lastName: row?.lastName ?? "",
      cookie: await t.signInAs(user.username, OTHER_PASSWORD),
    };
  };
  const search = async (recordingId: string, text: string) =>
    dataOf<{ userId: string; name: string }[]>(
      await t.query("quality.calibrations.reviewers", { recordingId, search: text }, trainer),
    );

  it("finds by name only people who may evaluate in the call's unit, never the call's own person", async () => {
    const recordingId = await mikkosRecording(t);
    const inUnit = await person("quality_reviewer", "HKI-ASPA");
    const elsewhere = await person("quality_reviewer", "TRE-ASPA");
    const employee = await person("employee", "HKI-ASPA");
    expect((await search(recordingId, inUnit.lastName)).map((p) => p.userId)).toEqual([inUnit.id]);
    expect(await search(recordingId, elsewhere.lastName)).toEqual([]);
    expect(await search(recordingId, employee.lastName)).toEqual([]);
    expect(await search(recordingId, "Korhonen")).toEqual([]);
    const lead = await search(recordingId, "Liisa Laine");
    expect(lead).toEqual([{ userId: await userId(t, "kouluttaja"), name: "Liisa Laine" }]);
    // Colleagues who cannot evaluate never crowd the reviewers out of a page.
    const crowd: string[] = [];
    for (let i = 0; i < 6; i++) crowd.push((await person("employee", "HKI-ASPA")).id);
    const page = dataOf<{ userId: string }[]>(
      await t.query("quality.calibrations.reviewers", { recordingId, limit: 2 }, trainer),
    );
    expect(page).toHaveLength(2);
    expect(page.filter((p) => crowd.includes(p.userId) || p.userId === employee.id)).toEqual([]);
    // A wildcard typed into the search is a character, not a pattern.
    expect(await search(recordingId, "%")).toEqual([]);
  });

  it("the lead's list and the reviewer's list name the call; answers stay blind in every list", async () => {
    const recordingId = await mikkosRecording(t);
    const { versionId } = await insertFormVersion(t);
    const second = await person("quality_reviewer", "HKI-ASPA");
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
    type Led = { calibrationId: string; staffMember: { name: string }; invited: number; submitted: number };
    const ledOf = async () =>
      dataOf<Led[]>(await t.query("quality.calibrations.led", undefined, trainer)).find(
        (row) => row.calibrationId === calibrationId,
      );
    expect(await ledOf()).toMatchObject({
      staffMember: { name: "Mikko Korhonen" },
      invited: 2,
      submitted: 0,
    });
    const mine = dataOf<
      {
        calibrationId: string;
        staffMember: { name: string };
        formName: string;
        submitted: boolean;
        form: unknown;
      }[]
    >(await t.query("quality.calibrations.mine", undefined, second.cookie));
    expect(mine.find((row) => row.calibrationId === calibrationId)).toMatchObject({
      staffMember: { name: "Mikko Korhonen" },
      submitted: false,
      form: { name: expect.any(String) },
    });
    // The second reviewer leads nothing; another unit's reviewer is asked nothing.
    expect(dataOf<Led[]>(await t.query("quality.calibrations.led", undefined, second.cookie))).toEqual([]);

    const first = dataOf<{ id: string }>(
      await t.call(
        "quality.calibrations.submit",
        { calibrationId, answers: GOOD_ANSWERS },
        { cookie: trainer },
      ),
    );
    expect(await ledOf()).toMatchObject({ submitted: 1 });
    // Blind before answering: the list of Mikko's evaluations hides the lead's calibration answer.
    const listed = dataOf<{ items: { id: string }[] }>(
      await t.query(
        "quality.evaluations.list",
        { staffMemberId: await staffMemberOf(t, "mikko.korhonen") },
        second.cookie,
      ),
    );
    expect(listed.items.map((item) => item.id)).not.toContain(first.id);
    // Its own reviewer sees it, told apart from the regular evaluations.
    const own = dataOf<{ items: { id: string; calibration: boolean }[] }>(
      await t.query(
        "quality.evaluations.list",
        { staffMemberId: await staffMemberOf(t, "mikko.korhonen") },
        trainer,
      ),
    );
    expect(own.items.find((item) => item.id === first.id)?.calibration).toBe(true);
    dataOf(
      await t.call(
        "quality.calibrations.submit",
        { calibrationId, answers: GOOD_ANSWERS },
        { cookie: second.cookie },
      ),
    );
    expect(await ledOf()).toMatchObject({ submitted: 2 });
    const after = dataOf<{ calibrationId: string; submitted: boolean }[]>(
      await t.query("quality.calibrations.mine", undefined, second.cookie),
    );
    expect(after.find((row) => row.calibrationId === calibrationId)?.submitted).toBe(true);
  });

  it("a reviewer's look at a person's report and evaluations is audited; the person's own is not", async () => {
    await insertEvaluation(t);
    const staffMemberId = await staffMemberOf(t, "mikko.korhonen");
    const reads = async (action: string) =>
      (
        await t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, await userId(t, "kouluttaja"))))
      ).length;
    const reportBefore = await reads("quality.report_read");
    const listBefore = await reads("quality.evaluation_read");
    const report = dataOf<{ person: { name: string }; trend: { evaluations: number }[] }>(
      await t.query("quality.reports.employee", { staffMemberId }, trainer),
    );
    expect(report.person.name).toBe("Mikko Korhonen");
    expect(report.trend.reduce((sum, point) => sum + point.evaluations, 0)).toBeGreaterThan(0);
    expect(await reads("quality.report_read")).toBe(reportBefore + 1);
    const list = dataOf<{ items: unknown[] }>(
      await t.query("quality.evaluations.list", { staffMemberId }, trainer),
    );
    expect(await reads("quality.evaluation_read")).toBe(listBefore + list.items.length);

    const mikkoId = await userId(t, "mikko.korhonen");
    const own = async () =>
      (
        await t.db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "quality.report_read"), eq(auditEvents.actorId, mikkoId)))
      ).length;
    const ownBefore = await own();
    dataOf(await t.query("quality.reports.employee", {}, mikko));
    expect(await own()).toBe(ownBefore);
  });
});
