import { asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AuditEventInput,
  appendAuditEvent,
  auditHead,
  GENESIS_HASH,
  verifyAuditChain,
} from "../src/audit/index.js";
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

describe("audit hash chain", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.close();
  });

  it("appends linked events and verifies them", async () => {
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      count: 0,
      head: { seq: 0, hash: GENESIS_HASH },
    });
    const first = await appendAuditEvent(t.db, event(1));
    const second = await t.db.transaction((tx) => appendAuditEvent(tx, event(2)));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await auditHead(t.db)).toEqual({ seq: 2, hash: second.hash });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2, head: { seq: 2, hash: second.hash } });
  });

  it("rolls the audit row back with the caller's transaction without leaving a gap", async () => {
    await appendAuditEvent(t.db, event(1));
    await expect(
      t.db.transaction(async (tx) => {
        await appendAuditEvent(tx, event(2));
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    const third = await appendAuditEvent(t.db, event(3));
    expect(third.seq).toBe(2);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 2 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database, even to the tables' owner", async () => {
    await appendAuditEvent(t.db, event(1));
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
    for (let n = 1; n <= 5; n++) await appendAuditEvent(t.db, event(n));
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
    for (let n = 1; n <= 3; n++) await appendAuditEvent(t.db, event(n));
    await tamper(
      t,
      sql`update audit_events set details = jsonb_set(details, '{position,z}', '2') where seq = 2`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
  });

  it("reports a rehashed row by the broken link to its successor", async () => {
    for (let n = 1; n <= 4; n++) await appendAuditEvent(t.db, event(n));
    await tamper(t, sql`update audit_events set hash = repeat('e', 64) where seq = 2`);
    // Row 2 no longer matches its own content; an attacker who also fixed that would break row 3's link.
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
    await tamper(t, sql`update audit_events set prev_hash = repeat('f', 64) where seq = 3`);
    const fromThree = await verifyAuditChain(t.db, { from: 3 });
    expect(fromThree).toMatchObject({ ok: false, brokenAt: 3, reason: "prev_mismatch" });
  });

  it("reports a removed row as a gap at its seq", async () => {
    for (let n = 1; n <= 5; n++) await appendAuditEvent(t.db, event(n));
    await tamper(t, sql`delete from audit_events where seq = 3`);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, count: 2, brokenAt: 3, reason: "gap" });
    await tamper(t, sql`delete from audit_events where seq = 1`);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: false, count: 0, brokenAt: 1, reason: "gap" });
  });

  it("verifies across batch boundaries and from a checkpoint", async () => {
    for (let n = 1; n <= 7; n++) await appendAuditEvent(t.db, event(n));
    const checkpoint = (await t.db.select().from(auditEvents).where(eq(auditEvents.seq, 3)))[0]!;
    const head = await auditHead(t.db);
    expect(await verifyAuditChain(t.db, { batchSize: 2 })).toEqual({ ok: true, count: 7, head });
    expect(await verifyAuditChain(t.db, { batchSize: 3, from: { seq: 3, hash: checkpoint.hash } })).toEqual({
      ok: true,
      count: 4,
      head,
    });
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

  it("keeps the chain valid under concurrent appends from several transactions", async () => {
    const writers = Array.from({ length: 8 }, (_, w) =>
      t.db.transaction(async (tx) => {
        for (let n = 0; n < 5; n++) await appendAuditEvent(tx, event(w * 10 + n));
      }),
    );
    await Promise.all(writers);
    const rows = await t.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, count: 40 });
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
