import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, hashAuditEvent, verifyAuditChain } from "../src/audit/index.js";
import { type AuditEvent, auditEvents } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";

const ROWS = 5_000;

/** Rows written straight into the table (INSERT is allowed), hashed exactly as appendAuditEvent does. */
function buildChain(count: number): AuditEvent[] {
  const rows: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + seq * 1000),
      actorType: "user" as const,
      actorId: `user-${seq % 17}`,
      actorLabel: `user${seq % 17}`,
      action: "recording.listen",
      targetType: "recording",
      targetId: `rec-${seq}`,
      outcome: "success" as const,
      ip: null,
      details: { seconds: seq % 300 },
    };
    const hash = hashAuditEvent(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe("audit chain verification in batches", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const rows = buildChain(ROWS);
    for (let i = 0; i < rows.length; i += 1000)
      await t.db.insert(auditEvents).values(rows.slice(i, i + 1000));
  });
  afterAll(async () => {
    await t.close();
  });

  it("verifies a long chain page by page and finds one altered row deep inside it", async () => {
    const intact = await verifyAuditChain(t.db, { batchSize: 300 });
    expect(intact).toMatchObject({ ok: true, count: ROWS, head: { seq: ROWS } });
    await t.asOwner((db) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger user`);
        await tx.execute(sql`update audit_events set details = '{"seconds": 1}' where seq = 3777`);
        await tx.execute(sql`alter table audit_events enable trigger user`);
      }),
    );
    expect(await verifyAuditChain(t.db, { batchSize: 300 })).toEqual({
      ok: false,
      count: 3776,
      brokenAt: 3777,
      reason: "hash_mismatch",
    });
  });
});
