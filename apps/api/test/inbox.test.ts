import { appendAuditEvent } from "@kuulo/db/audit";
import {
  disclosureRecordings,
  disclosures,
  jobRuns,
  jobs,
  legalHolds,
  listeningRequests,
  organisations,
  playlistAssignments,
  users,
} from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RETENTION_JOB_NAME } from "../src/jobs/retention-purge.js";
import type { InboxItem } from "../src/services/inbox/inbox-item.js";
import { sessionFor } from "./disclosures-harness.js";
import { makeUser, organisationId, unitId, userId } from "./helpers/fixtures.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";
import { enableQuality, insertEvaluation, insertOpenDispute } from "./quality-fixtures.js";
import {
  insertPublishedPlaylist,
  insertRecording,
  insertStaff,
  OTHER_PASSWORD,
  signedInUser,
} from "./training-fixtures.js";

const DAY = 86_400_000;

describe("inbox: what waits for each person, within their scope", () => {
  let t: TestApp;
  const officers: Record<"hki" | "tre" | "all", { id: string; cookie: string }> = {} as never;

  const inbox = async (cookie: string) =>
    dataOf<{ items: InboxItem[]; lastSeenAt: string | null }>(await t.query("inbox.mine", undefined, cookie))
      .items;
  const keysOf = async (cookie: string, kind: InboxItem["kind"]) =>
    (await inbox(cookie)).filter((item) => item.kind === kind);

  async function officer(unitCode: string | null) {
    const user = await makeUser(t, { grants: [{ role: "privacy_officer", unitCode }] });
    await t.db.update(users).set({ totpEnabledAt: t.clock.now() }).where(eq(users.id, user.id));
    return { id: user.id, cookie: await sessionFor(t, user.id) };
  }

  async function callIn(unitCode: string) {
    return insertRecording(t, { unitCode, staffMemberId: await insertStaff(t, unitCode, "Laine") });
  }

  async function disclosure(options: {
    kind: "training" | "access_request";
    status: "pending_approval" | "active";
    preparedBy: string;
    recordingId: string;
    createdAt?: Date;
    validUntil?: Date;
    fields?: Record<string, unknown>;
  }) {
    const now = t.clock.now();
    const [row] = await t.db
      .insert(disclosures)
      .values({
        kind: options.kind,
        status: options.status,
        preparedBy: options.preparedBy,
        fields: options.fields ?? {},
        recipientCountry: "FI",
        validFrom: options.validUntil ? new Date(now.getTime() - DAY) : null,
        validUntil: options.validUntil ?? null,
        createdAt: options.createdAt ?? now,
      })
      .returning({ id: disclosures.id });
    if (!row) throw new Error("insert failed");
    await t.db
      .insert(disclosureRecordings)
      .values({ disclosureId: row.id, recordingId: options.recordingId });
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { KUULO_INBOX_LEGAL_HOLD_REVIEW_DAYS: "90" } });
    officers.hki = await officer("HKI-ASPA");
    officers.tre = await officer("TRE-ASPA");
    officers.all = await officer(null);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows a disclosure to approve to another officer of its unit only, never to the one who prepared it", async () => {
    const recordingId = await callIn("HKI-ASPA");
    const id = await disclosure({
      kind: "training",
      status: "pending_approval",
      preparedBy: officers.all.id,
      recordingId,
    });
    const hki = await keysOf(officers.hki.cookie, "disclosure_to_approve");
    expect(hki.map((item) => item.key)).toContain(`disclosure_to_approve:${id}`);
    const item = hki.find((entry) => entry.key.endsWith(id));
    expect(item).toMatchObject({
      app: "admin",
      path: `/disclosures/${id}`,
      names: { disclosureKind: "training" },
    });
    expect(item?.names.person).toMatch(/^Testi Henkilö\d+$/);
    expect((await keysOf(officers.tre.cookie, "disclosure_to_approve")).map((i) => i.key)).not.toContain(
      `disclosure_to_approve:${id}`,
    );
    expect((await keysOf(officers.all.cookie, "disclosure_to_approve")).map((i) => i.key)).not.toContain(
      `disclosure_to_approve:${id}`,
    );
  });

  it("lists training disclosure windows ending within 14 days, not later ones", async () => {
    const recordingId = await callIn("TRE-ASPA");
    const now = t.clock.now().getTime();
    const soon = await disclosure({
      kind: "training",
      status: "active",
      preparedBy: officers.all.id,
      recordingId,
      validUntil: new Date(now + 10 * DAY),
      fields: { recipientName: "Kaisa Koulu" },
    });
    const later = await disclosure({
      kind: "training",
      status: "active",
      preparedBy: officers.all.id,
      recordingId,
      validUntil: new Date(now + 20 * DAY),
    });
    const tre = await keysOf(officers.tre.cookie, "disclosure_window_ending");
    expect(tre.find((item) => item.key.endsWith(soon))).toMatchObject({
      names: { person: "Kaisa Koulu" },
      at: new Date(now + 10 * DAY).toISOString(),
    });
    expect(tre.map((item) => item.key)).not.toContain(`disclosure_window_ending:${later}`);
    expect((await keysOf(officers.hki.cookie, "disclosure_window_ending")).map((i) => i.key)).not.toContain(
      `disclosure_window_ending:${soon}`,
    );
  });

  it("warns of an open access request in the last week of its one-month deadline (Art. 12(3))", async () => {
    const recordingId = await callIn("HKI-ASPA");
    const now = t.clock.now().getTime();
    const old = await disclosure({
      kind: "access_request",
      status: "active",
      preparedBy: officers.all.id,
      recordingId,
      createdAt: new Date(now - 26 * DAY),
      fields: { requesterName: "Anna Asiakas" },
    });
    const fresh = await disclosure({
      kind: "access_request",
      status: "active",
      preparedBy: officers.all.id,
      recordingId,
      createdAt: new Date(now - 5 * DAY),
    });
    const hki = await keysOf(officers.hki.cookie, "access_request_deadline_near");
    expect(hki.find((item) => item.key.endsWith(old))?.names.person).toBe("Anna Asiakas");
    expect(hki.map((item) => item.key)).not.toContain(`access_request_deadline_near:${fresh}`);
    expect(
      (await keysOf(officers.tre.cookie, "access_request_deadline_near")).map((i) => i.key),
    ).not.toContain(`access_request_deadline_near:${old}`);
  });

  it("asks about legal holds open longer than the configured review period, in the officer's units", async () => {
    const now = t.clock.now().getTime();
    const oldCall = await callIn("HKI-ASPA");
    const newCall = await callIn("HKI-ASPA");
    const [old] = await t.db
      .insert(legalHolds)
      .values({ recordingId: oldCall, reason: "Riita-asia", placedAt: new Date(now - 100 * DAY) })
      .returning({ id: legalHolds.id });
    const [recent] = await t.db
      .insert(legalHolds)
      .values({ recordingId: newCall, reason: "Riita-asia", placedAt: new Date(now - 30 * DAY) })
      .returning({ id: legalHolds.id });
    const hki = await keysOf(officers.hki.cookie, "legal_hold_long_open");
    expect(hki.find((item) => item.key.endsWith(old?.id ?? "-"))?.names.person).toBe("Saara Laine");
    expect(hki.map((item) => item.key)).not.toContain(`legal_hold_long_open:${recent?.id}`);
    expect((await keysOf(officers.tre.cookie, "legal_hold_long_open")).map((i) => i.key)).not.toContain(
      `legal_hold_long_open:${old?.id}`,
    );
  });

  it("lists a listening right to approve for another person, not one the officer asked for", async () => {
    const trainer = await makeUser(t, {});
    const [request] = await t.db
      .insert(listeningRequests)
      .values({
        kind: "grant",
        userId: trainer.id,
        role: "trainer",
        unitId: await unitId(t, "HKI-ASPA"),
        requestedBy: await userId(t, "admin"),
        requestedAt: t.clock.now(),
      })
      .returning({ id: listeningRequests.id });
    const key = `listening_right_to_approve:${request?.id}`;
    expect((await keysOf(officers.hki.cookie, "listening_right_to_approve")).map((i) => i.key)).toContain(
      key,
    );
    expect((await keysOf(officers.tre.cookie, "listening_right_to_approve")).map((i) => i.key)).not.toContain(
      key,
    );
  });

  it("tells the officer once that quality review was switched on, until they have looked", async () => {
    const admin = await t.signIn("admin");
    const switched = await t.call(
      "qualitySettings.update",
      { enabled: true, retentionDays: 730 },
      { cookie: admin },
    );
    expect(switched.status).toBe(200);
    const seen = await keysOf(officers.tre.cookie, "quality_setting_changed");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.names).toMatchObject({ enabled: true, person: expect.stringMatching(/\S/) });
    expect((await t.call("inbox.markSeen", undefined, { cookie: officers.tre.cookie })).status).toBe(200);
    expect(await keysOf(officers.tre.cookie, "quality_setting_changed")).toHaveLength(0);
    // Not news for one officer means nothing for another who has not looked.
    expect(await keysOf(officers.hki.cookie, "quality_setting_changed")).toHaveLength(1);
    await t.call("qualitySettings.update", { enabled: false, retentionDays: 730 }, { cookie: admin });
  });

  it("gives the administrator locked accounts, ending processor agreements, ingest refusals and failed purges", async () => {
    const admin = await t.signIn("admin");
    const locked = await makeUser(t, { grants: [{ role: "employee", unitCode: "HKI-ASPA" }] });
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(t.clock.now().getTime() + 3_600_000) })
      .where(eq(users.id, locked.id));
    const processor = await organisationId(t, "processor");
    await t.db
      .update(organisations)
      .set({ agreementValidUntil: new Date(t.clock.now().getTime() + 7 * DAY) })
      .where(eq(organisations.id, processor));
    await t.call("inbox.markSeen", undefined, { cookie: admin });
    t.clock.advanceSeconds(60);
    await appendAuditEvent(t.db, {
      actorType: "machine",
      actorId: "token-x",
      action: "access.denied",
      outcome: "denied",
      targetType: "route",
      targetId: "/ingest",
      occurredAt: t.clock.now(),
      details: { permission: "recording.ingest", reason: "token.invalid" },
    });
    await t.db.insert(jobs).values({ name: RETENTION_JOB_NAME }).onConflictDoNothing();
    await t.db.insert(jobRuns).values({
      jobName: RETENTION_JOB_NAME,
      instanceId: "i1",
      startedAt: t.clock.now(),
      outcome: "failure",
    });
    t.clock.advanceSeconds(60);

    const items = await inbox(admin);
    expect(items.find((item) => item.key === `account_locked:${locked.id}`)).toMatchObject({
      path: `/users/${locked.id}`,
      names: { person: expect.stringMatching(/^Testi Henkilö/) },
    });
    expect(items.find((item) => item.kind === "processor_agreement_ending")?.names.organisation).toEqual(
      expect.stringMatching(/\S/),
    );
    expect(items.find((item) => item.kind === "ingest_refused")).toMatchObject({ count: 1 });
    expect(items.find((item) => item.kind === "purge_failed")).toMatchObject({ count: 1 });
    // Administration is not privacy work: none of the officer's kinds reach the administrator.
    expect(
      items.some((item) => item.kind === "disclosure_to_approve" || item.kind === "legal_hold_long_open"),
    ).toBe(false);
    const count = dataOf<{ admin: number; training: number }>(await t.query("inbox.count", undefined, admin));
    expect(count).toEqual({ admin: items.filter((item) => item.app === "admin").length, training: 0 });

    await t.call("inbox.markSeen", undefined, { cookie: admin });
    const after = await inbox(admin);
    expect(after.some((item) => item.kind === "ingest_refused" || item.kind === "purge_failed")).toBe(false);
    expect(after.some((item) => item.key === `account_locked:${locked.id}`)).toBe(true);
  });

  it("shows the trainer who is overdue and the employee their own new assignment with its due day", async () => {
    const employee = await signedInUser(t, [{ role: "employee", unitCode: "HKI-ASPA" }]);
    const other = await signedInUser(t, [{ role: "employee", unitCode: "HKI-ASPA" }]);
    const treTrainer = await signedInUser(t, [{ role: "trainer", unitCode: "TRE-ASPA" }]);
    let trainer = await t.signIn("kouluttaja");
    const { playlistId } = await insertPublishedPlaylist(t, {
      unitCode: "HKI-ASPA",
      recordingId: await callIn("HKI-ASPA"),
    });
    const assigned = await t.call(
      "playlists.assign",
      { playlistId, userIds: [employee.id], dueOn: "2026-11-05" },
      { cookie: trainer },
    );
    expect(assigned.status).toBe(200);

    const mine = await keysOf(employee.cookie, "assignment_new");
    expect(mine).toEqual([
      expect.objectContaining({
        path: `/training/${playlistId}`,
        at: "2026-11-05",
        names: { playlist: "Valmis soittolista" },
      }),
    ]);
    expect(await keysOf(other.cookie, "assignment_new")).toEqual([]);
    expect(await keysOf(trainer, "assignment_overdue")).toEqual([]);

    t.clock.advance(5 * DAY);
    // Sessions end with time; sign in again on the later day.
    trainer = await t.signIn("kouluttaja");
    employee.cookie = await t.signInAs(employee.username, OTHER_PASSWORD);
    treTrainer.cookie = await t.signInAs(treTrainer.username, OTHER_PASSWORD);
    const overdue = await keysOf(trainer, "assignment_overdue");
    expect(overdue.find((item) => item.key === `assignment_overdue:${playlistId}`)).toMatchObject({
      count: 1,
      at: "2026-11-05",
      path: `/playlists/${playlistId}/progress`,
      names: { playlist: "Valmis soittolista", person: expect.stringMatching(/^Testi Henkilö/) },
    });
    expect(await keysOf(treTrainer.cookie, "assignment_overdue")).toEqual([]);
    const progress = dataOf<{
      assignees: { overdue: boolean; dueOn: string | null }[];
      totals: { overdue: number };
    }>(await t.query("playlists.progress", { playlistId }, trainer));
    expect(progress.totals.overdue).toBe(1);
    expect(progress.assignees[0]).toMatchObject({ dueOn: "2026-11-05", overdue: true });
    const training = dataOf<{ items: { id: string; dueOn: string | null; overdue: boolean }[] }>(
      await t.query("training.myPlaylists", undefined, employee.cookie),
    );
    expect(training.items.find((item) => item.id === playlistId)).toMatchObject({
      dueOn: "2026-11-05",
      overdue: true,
    });

    // Seen, but still overdue: it stays until done.
    await t.call("inbox.markSeen", undefined, { cookie: employee.cookie });
    expect(await keysOf(employee.cookie, "assignment_new")).toHaveLength(1);
    await t.db.delete(playlistAssignments).where(eq(playlistAssignments.playlistId, playlistId));
  });

  it("with quality review on: open disputes for the unit's reviewers, new feedback for the employee only", async () => {
    await enableQuality(t);
    try {
      const trainer = await t.signIn("kouluttaja");
      const mikko = await t.signIn("mikko.korhonen");
      const treTrainer = await signedInUser(t, [{ role: "trainer", unitCode: "TRE-ASPA" }]);
      await insertOpenDispute(t);
      await insertEvaluation(t);
      expect((await keysOf(trainer, "dispute_open"))[0]?.count).toBeGreaterThanOrEqual(1);
      expect(await keysOf(treTrainer.cookie, "dispute_open")).toEqual([]);
      const feedback = await keysOf(mikko, "feedback_new");
      expect(feedback).toEqual([expect.objectContaining({ path: "/my-calls", app: "training" })]);
      expect(feedback[0]?.count).toBeGreaterThanOrEqual(2);
      expect(await keysOf(trainer, "feedback_new")).toEqual([]);
      await t.call("inbox.markSeen", undefined, { cookie: mikko });
      expect(await keysOf(mikko, "feedback_new")).toEqual([]);
    } finally {
      await enableQuality(t, false);
    }
    const trainer = await t.signIn("kouluttaja");
    expect(await keysOf(trainer, "dispute_open")).toEqual([]);
  });

  it("gives an external trainer an empty inbox, and refuses anonymous callers", async () => {
    const external = await t.signIn("ulkoinen.kouluttaja");
    expect(await inbox(external)).toEqual([]);
    expect((await t.query("inbox.mine", undefined, undefined)).status).toBe(401);
  });
});
