import { verifyAuditChain } from "@kuulo/db/audit";
import { createDb } from "@kuulo/db/client";
import { auditEvents, playlistItems, recordings, staffMembers } from "@kuulo/db/schema";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalOf } from "../src/backup/journal-of.js";
import { runRetentionPurge } from "../src/jobs/retention-purge.js";
import { runScheduledRetention } from "../src/jobs/retention-scheduler.js";
import {
  type DisclosureTestApp,
  type StoredRecording,
  startDisclosureApp,
  storeRecording,
} from "./disclosures-harness.js";
import { dataOf } from "./helpers/test-app.js";
import { insertPublishedPlaylist, insertStaff, staffMemberOf } from "./training-fixtures.js";

const DAY = 86_400_000;

async function rowExists(app: DisclosureTestApp, id: string) {
  return (
    (await app.t.db.select({ id: recordings.id }).from(recordings).where(eq(recordings.id, id))).length === 1
  );
}

async function tombstones(app: DisclosureTestApp, ids: string[], action = "recording.purge") {
  return app.t.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        eq(auditEvents.targetType, "recording"),
        inArray(auditEvents.targetId, ids),
      ),
    );
}

describe("retention purge, legal hold and erasure (R13)", () => {
  let app: DisclosureTestApp;
  let officer: string;
  let inPlaylist: StoredRecording;
  let plain: StoredRecording;
  let held: StoredRecording;
  let fresh: StoredRecording;
  let itemId: string;
  let holdId: string;

  beforeAll(async () => {
    app = await startDisclosureApp();
    officer = await app.t.signIn("tietosuoja");
    const old = new Date(app.t.clock.now().getTime() - 400 * DAY);
    inPlaylist = await storeRecording(app, { callStartedAt: old });
    plain = await storeRecording(app, { callStartedAt: new Date(old.getTime() + 1000) });
    held = await storeRecording(app, { callStartedAt: new Date(old.getTime() + 2000) });
    fresh = await storeRecording(app);
    ({ itemId } = await insertPublishedPlaylist(app.t, { unitCode: "HKI-ASPA", recordingId: inPlaylist.id }));
  });
  afterAll(async () => {
    await app.close();
  });

  it("a dry run lists what is due and changes nothing", async () => {
    const result = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
      dryRun: true,
    });
    expect(result.items.map((item) => item.recordingId).sort()).toEqual(
      [inPlaylist.id, plain.id, held.id].sort(),
    );
    expect(await rowExists(app, plain.id)).toBe(true);
  });

  it("a held recording survives the purge; the others lose row, object, key and leave a tombstone", async () => {
    const placed = dataOf<{ holds: { id: string; recordingId: string }[] }>(
      await app.t.call(
        "legalHolds.place",
        { recordingIds: [held.id], reason: "Riita-asia vireillä käräjäoikeudessa" },
        { cookie: officer },
      ),
    );
    holdId = placed.holds[0]?.id ?? "";
    const result = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
    });
    expect(result.items.map((item) => item.recordingId).sort()).toEqual([inPlaylist.id, plain.id].sort());

    for (const gone of [inPlaylist, plain]) {
      expect(await rowExists(app, gone.id)).toBe(false);
      expect(await app.store.inner.exists(gone.storageKey)).toBe(false);
    }
    expect(await app.store.inner.exists(held.storageKey)).toBe(true);
    const [heldRow] = await app.t.db.select().from(recordings).where(eq(recordings.id, held.id));
    expect(heldRow?.wrappedDataKey).not.toBeNull();
    expect(heldRow?.purgeDueAt).toBeNull();
    expect(await rowExists(app, fresh.id)).toBe(true);

    const [item] = await app.t.db.select().from(playlistItems).where(eq(playlistItems.id, itemId));
    expect(item).toMatchObject({ recordingId: null, removedReason: "retention" });
    const staff = await app.t.db.select().from(staffMembers).where(eq(staffMembers.id, plain.staffMemberId));
    expect(staff).toHaveLength(0);

    const stones = await tombstones(app, [inPlaylist.id, plain.id]);
    expect(stones).toHaveLength(2);
    for (const stone of stones) {
      for (const key of Object.keys(stone.details)) {
        expect(["category", "dueAt", "reason", "staffMemberRemoved"]).toContain(key);
      }
      expect(stone.details).toMatchObject({ category: "ordinary", reason: "retention" });
      expect(JSON.stringify(stone)).not.toMatch(/Saara|Puhuja|\+358/);
    }
    await app.t.linkAudit();
    expect((await verifyAuditChain(app.t.db)).ok).toBe(true);
  });

  it("refuses early erasure of a held recording; releasing the hold restores the due date and the next run purges it", async () => {
    const refused = await app.t.call(
      "retention.erase",
      { recordingIds: [held.id], reason: "Rekisteröidyn pyyntö" },
      { cookie: officer },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.data.domain).toMatchObject({ rule: "R13", reason: "recording.legal_hold" });

    dataOf(
      await app.t.call(
        "legalHolds.release",
        { holdIds: [holdId], reason: "Asia ratkaistu" },
        { cookie: officer },
      ),
    );
    const [row] = await app.t.db.select().from(recordings).where(eq(recordings.id, held.id));
    expect(row?.legalHold).toBe(false);
    expect(row?.purgeDueAt?.getTime()).toBe((row?.callStartedAt.getTime() ?? 0) + 365 * DAY);

    const result = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
    });
    expect(result.items.map((item) => item.recordingId)).toEqual([held.id]);
    expect(await rowExists(app, held.id)).toBe(false);
    const actions = (
      await app.t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, held.id))
    ).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(["legal_hold.place", "legal_hold.release", "recording.purge"]),
    );
  });

  it("erases a recording early under Art. 17 with a reason (audited, no personal data)", async () => {
    const erased = dataOf<{ erased: string[] }>(
      await app.t.call(
        "retention.erase",
        { recordingIds: [fresh.id], reason: "GDPR 17 artikla, pyyntö 2026-11-02" },
        { cookie: officer },
      ),
    );
    expect(erased.erased).toEqual([fresh.id]);
    expect(await rowExists(app, fresh.id)).toBe(false);
    expect(await app.store.inner.exists(fresh.storageKey)).toBe(false);
    expect(await tombstones(app, [fresh.id], "recording.erase")).toHaveLength(1);
    const withPhone = await app.t.call(
      "retention.erase",
      { recordingIds: [fresh.id], reason: "soitti numerosta 0401234567" },
      { cookie: officer },
    );
    expect(withPhone.body.error?.data.domain).toMatchObject({ code: "VALIDATION", field: "reason" });
  });

  it("updates the policy (validated, recomputed, published in the privacy notice) and counts what falls due per week", async () => {
    const soon = await storeRecording(app, {
      callStartedAt: new Date(app.t.clock.now().getTime() - 20 * DAY),
    });
    const bad = await app.t.call(
      "retention.updatePolicy",
      { ordinaryDays: 100, trainingDays: 50 },
      { cookie: officer },
    );
    expect(bad.body.error?.data.domain).toMatchObject({ field: "retention.trainingDays", rule: "R13" });

    const updated = dataOf<{ policy: { ordinaryDays: number }; recordingsUpdated: number }>(
      await app.t.call("retention.updatePolicy", { ordinaryDays: 30, trainingDays: 60 }, { cookie: officer }),
    );
    expect(updated.policy.ordinaryDays).toBe(30);
    const [row] = await app.t.db.select().from(recordings).where(eq(recordings.id, soon.id));
    expect(row?.purgeDueAt?.getTime()).toBe((row?.callStartedAt.getTime() ?? 0) + 30 * DAY);

    const due = dataOf<{ overdue: number; weeks: { count: number }[] }>(
      await app.t.query("retention.dueSoon", { weeks: 4 }, officer),
    );
    expect(due.weeks).toHaveLength(4);
    expect(due.weeks[1]?.count).toBe(1);

    const notice = dataOf<{ sections: { id: string; paragraphs: string[] }[] }>(
      await app.t.query("register.privacyNotice", { locale: "en" }),
    );
    const retention = notice.sections.find((section) => section.id === "retention");
    expect(retention?.paragraphs.join(" ")).toMatch(/\b30\b/);
    expect(retention?.paragraphs.join(" ")).toMatch(/\b60\b/);
    const record = dataOf<{ record: { retention: { ordinaryDays: number; trainingDays: number } } }>(
      await app.t.call("register.recordOfProcessing", { locale: "fi" }, { cookie: officer }),
    );
    expect(record.record.retention).toMatchObject({ ordinaryDays: 30, trainingDays: 60 });
  });
});

describe("two purge runs at once purge each recording exactly once (R13)", () => {
  let app: DisclosureTestApp;
  beforeAll(async () => {
    app = await startDisclosureApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("on separate connections (PostgreSQL) or one after the other (PGlite)", async () => {
    const old = new Date(app.t.clock.now().getTime() - 500 * DAY);
    // One person's calls: on PostgreSQL both runs purge some of them, so neither purge transaction sees
    // the person left without recordings; the sweep at the end of the runs removes them.
    const staffMemberId = await insertStaff(app.t, "HKI-ASPA");
    const recs: StoredRecording[] = [];
    for (let i = 0; i < 24; i++)
      recs.push(
        await storeRecording(app, { staffMemberId, callStartedAt: new Date(old.getTime() + i * 1000) }),
      );
    const ids = recs.map((rec) => rec.id);
    const url = app.t.testDb.databaseUrl;
    const run = (db: typeof app.t.db) =>
      runRetentionPurge({
        db,
        store: app.store,
        clock: app.t.clock,
        journal: journalOf(app.t),
        batchSize: 5,
      });
    let results: Awaited<ReturnType<typeof run>>[];
    if (url) {
      const other = await createDb({ databaseUrl: url });
      try {
        results = await Promise.all([run(app.t.db), run(other.db)]);
      } finally {
        await other.close();
      }
    } else {
      results = [await run(app.t.db), await run(app.t.db)];
    }
    const purged = results.flatMap((result) => result.items.map((item) => item.recordingId));
    expect(purged.sort()).toEqual([...ids].sort());
    const stones = await tombstones(app, ids);
    expect(stones).toHaveLength(ids.length);
    expect(new Set(stones.map((stone) => stone.targetId)).size).toBe(ids.length);
    expect(await app.t.db.select().from(staffMembers).where(eq(staffMembers.id, staffMemberId))).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.staffMembersRemoved, 0)).toBe(1);
    await app.t.linkAudit();
    expect((await verifyAuditChain(app.t.db)).ok).toBe(true);
  });

  it("a staff member an earlier race left without recordings is swept by the next run; linked ones stay", async () => {
    // The state two concurrent purges of one person's last two recordings could leave behind.
    const leftover = await insertStaff(app.t, "HKI-ASPA");
    const linked = await staffMemberOf(app.t, "mikko.korhonen");
    const result = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
    });
    expect(result.items).toEqual([]);
    expect(result.staffMembersRemoved).toBe(1);
    const remaining = await app.t.db
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(inArray(staffMembers.id, [leftover, linked]));
    expect(remaining).toEqual([{ id: linked }]);
    // The earlier race test wrote a staff.purge row too: this run's is the newest.
    const [swept] = await app.t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "staff.purge"))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(swept?.details).toEqual({ reason: "no_recordings", staffMemberIds: [leftover] });
    expect(swept?.actorLabel).toBe("retention.purge");
    const dry = await runRetentionPurge({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
      dryRun: true,
    });
    expect(dry.staffMembersRemoved).toBe(0);
  });

  it("the scheduled run takes the job lease: a second instance waits while the first holds it", async () => {
    const rec = await storeRecording(app, {
      callStartedAt: new Date(app.t.clock.now().getTime() - 600 * DAY),
    });
    const { claimJob } = await import("@kuulo/db/queries");
    expect(
      await claimJob(app.t.db, {
        name: "retention.purge",
        instanceId: "a",
        now: app.t.clock.now(),
        leaseMs: 60_000,
      }),
    ).toBe(true);
    const blocked = await runScheduledRetention({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
      instanceId: "b",
      leaseMs: 60_000,
    });
    expect(blocked).toBeNull();
    expect(await rowExists(app, rec.id)).toBe(true);
    app.t.clock.advance(61_000);
    const ran = await runScheduledRetention({
      db: app.t.db,
      store: app.store,
      clock: app.t.clock,
      journal: journalOf(app.t),
      instanceId: "b",
      leaseMs: 60_000,
    });
    expect(ran?.items.map((item) => item.recordingId)).toEqual([rec.id]);
  });
});
