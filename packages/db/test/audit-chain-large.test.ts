import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAuditContent, linkPendingAuditEvents, verifyAuditChain } from "../src/audit/index.js";
import { auditEvents, type NewAuditEvent } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";

const ROWS = 5_000;

/** Rows written straight into the table (INSERT is allowed), with the content hash appendAuditEvent writes. */
function buildRows(count: number): NewAuditEvent[] {
  const rows: NewAuditEvent[] = [];
  for (let n = 1; n <= count; n++) {
    const content = {
      occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 1000),
      actorType: "user" as const,
      actorId: `user-${n % 17}`,
      actorLabel: `user${n % 17}`,
      action: "recording.listen",
      targetType: "recording",
      targetId: `rec-${n}`,
      outcome: "success" as const,
      ip: null,
      details: { seconds: n % 300 },
    };
    rows.push({ ...content, contentHash: hashAuditContent(content) });
  }
  return rows;
}

describe("audit chain verification in batches", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const rows = buildRows(ROWS);
    for (let i = 0; i < rows.length; i += 1000)
      await t.db.insert(auditEvents).values(rows.slice(i, i + 1000));
    let batches = 0;
    while ((await linkPendingAuditEvents(t.db, { batchSize: 500 })).linked > 0) batches += 1;
    expect(batches).toBe(ROWS / 500);
  });
  afterAll(async () => {
    await t.close();
  });

  it("verifies a long chain page by page and finds one altered row deep inside it", async () => {
    const intact = await verifyAuditChain(t.db, { batchSize: 300 });
    expect(intact).toMatchObject({ ok: true, count: ROWS, head: { seq: ROWS }, pending: 0 });
    await t.asOwner((db) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger user`);
        await tx.execute(sql`update audit_events set details = '{"seconds": 1}' where chain_seq = 3777`);
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
