import { asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AuditEventInput,
  appendAuditEvent,
  auditHead,
  GENESIS_HASH,
  hashAuditEvent,
  linkPendingAuditEvents,
  verifyAuditChain,
} from "../src/audit/index.js";
import type { Database } from "../src/client/index.js";
import { auditEvents } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { pgErrorOf } from "./fixtures.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute, 0, 123));

const event = (n: number): AuditEventInput => ({
  actorType: "user",
  actorId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  actorLabel: "maija",
  action: "recording.listen",
  targetType: "recording",
  targetId: `rec-${n}`,
  outcome: "success",
  ip: "10.0.0.1",
  details: { playlistId: "p1", position: { z: 1, a: [n, "x"] } },
  occurredAt: at(n % 60),
});

/** Owner-only path around the triggers, to simulate an attacker with the owner's credentials. */
async function tamper(t: TestDb, statement: ReturnType<typeof sql>) {
  await t.asOwner((db) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(statement);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    }),
  );
}

/** The audit sequencer's work, done at once: link every pending row. */
async function linkAll(t: TestDb) {
  for (;;) {
    const batch = await linkPendingAuditEvents(t.db, { batchSize: 3 });
    if (batch.linked === 0) return batch.head;
  }
}

async function appendLinked(t: TestDb, count: number) {
  for (let n = 1; n <= count; n++) await appendAuditEvent(t.db, event(n));
  return linkAll(t);
}

describe("audit hash chain", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.close();
  });

  it("inserts events unlinked, then the sequencer links them in order and they verify", async () => {
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      count: 0,
      head: { seq: 0, hash: GENESIS_HASH },
      pending: 0,
    });
    const first = await appendAuditEvent(t.db, event(1));
    const second = await t.db.transaction((tx) => appendAuditEvent(tx, event(2)));
    expect(first).toMatchObject({ seq: 1, chainSeq: null, hash: null, prevHash: null });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(t.db, { maxMergeDelayMs: 60_000 })).toMatchObject({ ok: true, pending: 2 });
    const head = await linkAll(t);
    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((row) => [row.seq, row.chainSeq])).toEqual([
      [first.seq, 1],
      [second.seq, 2],
    ]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(head).toEqual({ seq: 2, hash: rows[1]?.hash });
    expect(await auditHead(t.db)).toEqual(head);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2, head, pending: 0 });
  });

  it("flags a row left unlinked longer than the maximum merge delay", async () => {
    await appendLinked(t, 2);
    const late = await appendAuditEvent(t.db, event(3));
    expect(await verifyAuditChain(t.db, { maxMergeDelayMs: 60_000 })).toMatchObject({ ok: true, pending: 1 });
    // recorded_at is the inserting transaction's now(); any later verification is past a zero bound.
    expect(await verifyAuditChain(t.db, { maxMergeDelayMs: 0 })).toEqual({
      ok: false,
      count: 2,
      brokenAt: late.seq,
      reason: "unlinked",
    });
    await linkAll(t);
    expect(await verifyAuditChain(t.db, { maxMergeDelayMs: 0 })).toMatchObject({ ok: true, count: 3 });
  });

  it("rolls the audit row back with the caller's transaction; the chain stays gapless", async () => {
    await appendAuditEvent(t.db, event(1));
    await expect(
      t.db.transaction(async (tx) => {
        await appendAuditEvent(tx, event(2));
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    const third = await appendAuditEvent(t.db, event(3));
    await linkAll(t);
    const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.seq, third.seq));
    expect(row?.chainSeq).toBe(2);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 2 });
  });

  it("lets the sequencer set the link columns once and nothing else", async () => {
    const pending = await appendAuditEvent(t.db, event(1));
    const relink = { chainSeq: 1, prevHash: GENESIS_HASH, hash: "a".repeat(64), linkedAt: new Date() };
    // The trigger refuses even the tables' owner; on PostgreSQL the runtime role's column grants refuse
    // first (it may UPDATE only the link columns), so either refusal counts for it.
    const expectRefused = async (change: (db: Database) => PromiseLike<unknown>) => {
      expect((await pgErrorOf(t.asOwner(async (db) => change(db)))).message).toContain(
        "audit_events is append-only",
      );
      expect((await pgErrorOf(Promise.resolve(change(t.db)))).message).toMatch(
        /audit_events is append-only|permission denied for table audit_events/,
      );
    };
    // Content of an unlinked row cannot change, not even together with linking it.
    await expectRefused((db) =>
      db.update(auditEvents).set({ actorLabel: "x" }).where(eq(auditEvents.seq, pending.seq)),
    );
    await expectRefused((db) =>
      db
        .update(auditEvents)
        .set({ ...relink, actorLabel: "x" })
        .where(eq(auditEvents.seq, pending.seq)),
    );
    await expectRefused((db) =>
      db
        .update(auditEvents)
        .set({ contentHash: "b".repeat(64) })
        .where(eq(auditEvents.seq, pending.seq)),
    );
    // Rows arrive unlinked: an INSERT cannot place itself in the chain.
    const forged = pgErrorOf(
      t.db.insert(auditEvents).values({ ...event(2), contentHash: "c".repeat(64), ...relink, chainSeq: 9 }),
    );
    expect((await forged).message).toContain("linked only by the audit sequencer");
    await linkAll(t);
    // Linked once: a second link (another sequencer, or an attacker re-pointing the row) is refused.
    await expectRefused((db) => db.update(auditEvents).set(relink).where(eq(auditEvents.seq, pending.seq)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 1 });
  });

  it("verifies rows chained before the sequencer existed (legacy hash, chain_seq = seq)", async () => {
    const legacy: Record<string, unknown>[] = [];
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const { details, ...rest } = event(seq);
      const content = {
        ...rest,
        seq,
        actorId: rest.actorId ?? null,
        actorLabel: rest.actorLabel ?? null,
        targetType: rest.targetType ?? null,
        targetId: rest.targetId ?? null,
        ip: rest.ip ?? null,
        details: details ?? {},
      };
      const hash = hashAuditEvent(prevHash, content);
      legacy.push({ ...content, prevHash, hash });
      prevHash = hash;
    }
    await tamper(
      t,
      sql`insert into audit_events (seq, occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, outcome, ip, details, chain_seq, prev_hash, hash, linked_at)
          select r.seq, r."occurredAt"::timestamptz, r."actorType"::audit_actor_type, r."actorId", r."actorLabel", r.action, r."targetType", r."targetId", r.outcome::audit_outcome, r.ip, r.details, r.seq, r."prevHash", r.hash, now()
          from jsonb_to_recordset(${JSON.stringify(legacy)}::jsonb) as r(seq bigint, "occurredAt" text, "actorType" text, "actorId" text, "actorLabel" text, action text, "targetType" text, "targetId" text, outcome text, ip text, details jsonb, "prevHash" text, hash text)`,
    );
    await tamper(t, sql`select setval('audit_events_seq_seq', 3, false)`);
    await appendLinked(t, 2);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 4, head: { seq: 4 } });
    await tamper(t, sql`update audit_events set actor_label = 'someone' where seq = 2`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database, even to the tables' owner", async () => {
    await appendLinked(t, 1);
    // The runtime role lacks the privilege on PostgreSQL; the triggers refuse everyone else.
    await t.asOwner(async (db) => {
      const attempts = [
        db.update(auditEvents).set({ actorLabel: "someone-else" }).where(eq(auditEvents.seq, 1)),
        db.delete(auditEvents).where(eq(auditEvents.seq, 1)),
        db.execute(sql`truncate audit_events`),
      ];
      for (const attempt of attempts) {
        const error = await pgErrorOf(attempt);
        expect(error.message).toContain("audit_events is append-only");
      }
    });
    for (const attempt of [
      t.db.update(auditEvents).set({ actorLabel: "someone-else" }).where(eq(auditEvents.seq, 1)),
      t.db.delete(auditEvents).where(eq(auditEvents.seq, 1)),
      t.db.execute(sql`truncate audit_events`),
    ]) {
      await expect(attempt).rejects.toThrow();
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 1 });
  });

  it("reports the first tampered row as a hash mismatch", async () => {
    await appendLinked(t, 5);
    await tamper(t, sql`update audit_events set actor_label = 'somebody' where seq = 3`);
    await tamper(t, sql`update audit_events set outcome = 'denied' where seq = 4`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      count: 2,
      brokenAt: 3,
      reason: "hash_mismatch",
    });
  });

  it("reports a changed value inside details as a hash mismatch", async () => {
    await appendLinked(t, 3);
    await tamper(
      t,
      sql`update audit_events set details = jsonb_set(details, '{position,z}', '2') where seq = 2`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
  });

  it("reports a rehashed row by the broken link to its successor", async () => {
    await appendLinked(t, 4);
    await tamper(t, sql`update audit_events set hash = repeat('e', 64) where seq = 2`);
    // Row 2 no longer matches its own content; an attacker who also fixed that would break row 3's link.
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
    await tamper(t, sql`update audit_events set prev_hash = repeat('f', 64) where seq = 3`);
    const fromThree = await verifyAuditChain(t.db, { from: 3 });
    expect(fromThree).toMatchObject({ ok: false, brokenAt: 3, reason: "prev_mismatch" });
  });

  it("reports reordered rows by the broken link", async () => {
    await appendLinked(t, 4);
    await tamper(t, sql`update audit_events set chain_seq = 100 where chain_seq = 2`);
    await tamper(t, sql`update audit_events set chain_seq = 2 where chain_seq = 3`);
    await tamper(t, sql`update audit_events set chain_seq = 3 where chain_seq = 100`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      count: 1,
      brokenAt: 2,
      reason: "prev_mismatch",
    });
  });

  it("reports a removed row as a gap at its chain position", async () => {
    await appendLinked(t, 5);
    await tamper(t, sql`delete from audit_events where seq = 3`);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, count: 2, brokenAt: 3, reason: "gap" });
    await tamper(t, sql`delete from audit_events where seq = 1`);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, count: 0, brokenAt: 1, reason: "gap" });
  });

  it("verifies across batch boundaries and from a checkpoint", async () => {
    await appendLinked(t, 7);
    const checkpoint = (await t.db.select().from(auditEvents).where(eq(auditEvents.seq, 3)))[0]!;
    const head = await auditHead(t.db);
    expect(await verifyAuditChain(t.db, { batchSize: 2 })).toEqual({ ok: true, count: 7, head, pending: 0 });
    expect(
      await verifyAuditChain(t.db, { batchSize: 3, from: { seq: 3, hash: checkpoint.hash ?? "" } }),
    ).toEqual({ ok: true, count: 4, head, pending: 0 });
    expect(await verifyAuditChain(t.db, { from: { seq: 3, hash: "0".repeat(64) } })).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: "hash_mismatch",
    });
    await tamper(t, sql`update audit_events set target_id = 'other' where seq = 6`);
    expect(await verifyAuditChain(t.db, { batchSize: 2 })).toEqual({
      ok: false,
      count: 5,
      brokenAt: 6,
      reason: "hash_mismatch",
    });
  });

  it("links every row exactly once while transactions append concurrently", async () => {
    const writers = Array.from({ length: 8 }, (_, w) =>
      t.db.transaction(async (tx) => {
        for (let n = 0; n < 5; n++) await appendAuditEvent(tx, event(w * 10 + n));
      }),
    );
    const sequencer = (async () => {
      let linked = 0;
      while (linked < 40) linked += (await linkPendingAuditEvents(t.db, { batchSize: 7 })).linked;
    })();
    await Promise.all([...writers, sequencer]);
    const rows = await t.db
      .select({ chainSeq: auditEvents.chainSeq })
      .from(auditEvents)
      .orderBy(asc(auditEvents.chainSeq));
    expect(rows.map((row) => row.chainSeq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 40, pending: 0 });
  });

  it("rolls a sequencer batch back whole when it dies before committing, and the next run links it", async () => {
    await appendLinked(t, 2);
    for (let n = 3; n <= 6; n++) await appendAuditEvent(t.db, event(n));
    const killed = linkPendingAuditEvents(t.db, {
      beforeCommit: async () => {
        throw new Error("sequencer killed mid-batch");
      },
    });
    await expect(killed).rejects.toThrow("killed mid-batch");
    expect(await auditHead(t.db)).toMatchObject({ seq: 2 });
    expect(await linkAll(t)).toMatchObject({ seq: 6 });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 6, pending: 0 });
  });

  it("refuses credentials in details, naming the field", async () => {
    await expect(
      appendAuditEvent(t.db, { ...event(1), details: { user: { newPassword: "hunter2hunter2" } } }),
    ).rejects.toThrow("audit details.user.newPassword: credentials must never be written to the audit log");
    await expect(appendAuditEvent(t.db, { ...event(1), details: { session_token: "x" } })).rejects.toThrow(
      "details.session_token",
    );
    expect(await auditHead(t.db)).toEqual({ seq: 0, hash: GENESIS_HASH });
  });

  it("refuses an action that is not resource.verb", async () => {
    const error = await pgErrorOf(appendAuditEvent(t.db, { ...event(1), action: "Listen" }));
    expect(error.constraint).toBe("audit_events_action_format");
  });
});
