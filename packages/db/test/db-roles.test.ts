import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent, verifyAuditChain } from "../src/audit/index.js";
import { tablesOwnedByCurrentRole } from "../src/migrate/index.js";
import { createTestDb, type TestDb, testDatabaseUrl } from "../src/testing/index.js";

/**
 * R14 on PostgreSQL: the audit log's triggers hold only if the API cannot switch them off. The API
 * connects as a role that owns no table; migrations run as the owner (README, "Running on PostgreSQL").
 */
describe.skipIf(!testDatabaseUrl())("PostgreSQL roles: the runtime role owns nothing", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  const event = {
    actorType: "system" as const,
    action: "system.start",
    outcome: "success" as const,
    occurredAt: new Date(Date.UTC(2026, 11, 6)),
  };

  it("connects as a role other than the owner, and that role owns no table", async () => {
    expect(t.databaseUrl).not.toBe(t.ownerDatabaseUrl);
    expect(await tablesOwnedByCurrentRole(t.db)).toEqual([]);
    expect(await t.asOwner((db) => tablesOwnedByCurrentRole(db))).toContain("audit_events");
  });

  it("cannot disable, drop or bypass the audit triggers, nor truncate the log", async () => {
    await appendAuditEvent(t.db, event);
    for (const statement of [
      sql`alter table audit_events disable trigger user`,
      sql`alter table audit_events disable trigger all`,
      sql`drop trigger audit_events_no_update_delete on audit_events`,
      sql`alter table audit_events rename to audit_events_old`,
      sql`set session_replication_role = replica`,
      sql`truncate audit_events`,
      sql`update audit_events set action = 'x.y'`,
      sql`delete from audit_events`,
    ]) {
      await expect(t.db.execute(statement)).rejects.toThrow();
    }
    const [head] = (await t.db.execute(sql`select count(*)::int as count from audit_events`)) as unknown as {
      count: number;
    }[];
    expect(head?.count).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("still reads and writes the rows the API needs", async () => {
    await appendAuditEvent(t.db, event);
    await t.db.execute(sql`insert into jobs (name) values ('roles.test') on conflict do nothing`);
    await t.db.execute(sql`update jobs set locked_by = 'x' where name = 'roles.test'`);
    await t.db.execute(sql`delete from jobs where name = 'roles.test'`);
  });

  it("the owner, by contrast, could switch the triggers off: why the API must not be the owner", async () => {
    await t.asOwner(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger user`);
      await db.execute(sql`alter table audit_events enable trigger user`);
    });
  });
});
