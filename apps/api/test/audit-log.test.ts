import { queryRows } from "@kuulo/db/client";
import { auditEvents, users } from "@kuulo/db/schema";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { audit } from "../src/services/shared/audit.js";
import { organisationId, unitId, userId } from "./helpers/fixtures.js";
import { contextFor, createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

// One database for the additive tests; the tamper tests below corrupt the chain and get their own.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const rowsFor = (action: string) => t.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe("audit rows share the change's transaction (R14)", () => {
  it("writes the row with a successful change and none with a refused one", async () => {
    const admin = await t.signIn("admin");
    const input = {
      organisationId: await organisationId(t, "controller"),
      username: "samanimi",
      firstName: "Sama",
      lastName: "Nimi",
      grants: [{ role: "employee", unitId: await unitId(t, "HKI-ASPA") }],
    };
    expect((await t.call("users.create", input, { cookie: admin })).status).toBe(200);
    expect(await rowsFor("user.create")).toHaveLength(1);
    const duplicate = await t.call("users.create", input, { cookie: admin });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.data.domain).toMatchObject({ code: "CONFLICT", field: "username" });
    expect(await rowsFor("user.create")).toHaveLength(1);
  });

  it("rolls the audit row back when the transaction fails after appending it", async () => {
    const ctx = await contextFor(t, await t.signIn("admin"));
    const target = await userId(t, "mikko.korhonen");
    const before = (await rowsFor("user.update")).length;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(users).set({ firstName: "Muutettu" }).where(eq(users.id, target));
        await audit(tx, ctx, {
          action: "user.update",
          outcome: "success",
          targetType: "user",
          targetId: target,
        });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");
    expect(await rowsFor("user.update")).toHaveLength(before);
    const [user] = await t.db.select().from(users).where(eq(users.id, target));
    expect(user?.firstName).toBe("Mikko");
  });

  it("records administrative changes with who, what and from where", async () => {
    const admin = await t.signIn("admin");
    const target = await userId(t, "mikko.korhonen");
    await t.call("users.update", { userId: target, firstName: "Mikael" }, { cookie: admin });
    const row = (await rowsFor("user.update")).at(-1);
    expect(row).toMatchObject({
      actorType: "user",
      actorLabel: "admin",
      targetId: target,
      outcome: "success",
      ip: "127.0.0.1",
    });
  });
});

describe("tamper evidence (R14)", () => {
  let shared: TestApp;
  beforeEach(async () => {
    shared = t;
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
    t = shared;
  });

  const verify = async () => {
    const cookie = await t.signIn("tietosuoja");
    return dataOf<{ ok: boolean; brokenAt?: number; reason?: string }>(
      await t.call("audit.verify", undefined, { cookie }),
    );
  };

  it("verifies an intact chain", async () => {
    expect((await verify()).ok).toBe(true);
  });

  it("refuses UPDATE and DELETE of audit rows in the database", async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'x.y' where seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toThrow();
  });

  it("detects an altered row", async () => {
    await t.signIn("kouluttaja");
    await t.linkAudit();
    // Only the tables' owner can switch the triggers off; the API's runtime role cannot (db-roles.test.ts).
    await t.testDb.asOwner(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger user`);
      await db.execute(sql`update audit_events set actor_label = 'someone-else' where chain_seq = 2`);
      await db.execute(sql`alter table audit_events enable trigger user`);
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 2, reason: "hash_mismatch" });
  });

  it("detects a row altered while it waits for the sequencer, by its content hash", async () => {
    await t.signIn("kouluttaja");
    const [pending] = await queryRows<{ seq: number }>(
      t.db,
      sql`select seq from audit_events where chain_seq is null order by seq desc limit 1`,
    );
    await t.testDb.asOwner(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger user`);
      await db.execute(sql`update audit_events set outcome = 'denied' where seq = ${pending?.seq}`);
      await db.execute(sql`alter table audit_events enable trigger user`);
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenAt: Number(pending?.seq), reason: "hash_mismatch" });
  });

  it("detects a removed row", async () => {
    await t.signIn("kouluttaja");
    await t.signIn("mikko.korhonen");
    await t.linkAudit();
    await t.testDb.asOwner(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger user`);
      await db.execute(sql`delete from audit_events where chain_seq = 2`);
      await db.execute(sql`alter table audit_events enable trigger user`);
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 2, reason: "gap" });
  });
});

describe("audit read and export", () => {
  it("finds events by action prefix, newest first, with keyset paging", async () => {
    await t.signIn("kouluttaja");
    await t.signIn("mikko.korhonen");
    const cookie = await t.signIn("tietosuoja");
    const page = dataOf<{ items: { seq: number; action: string }[]; nextCursor: number | null }>(
      await t.query("audit.find", { action: "auth.", limit: 2 }, cookie),
    );
    expect(page.items).toHaveLength(2);
    expect(page.items.every((item) => item.action.startsWith("auth."))).toBe(true);
    expect((page.items[0]?.seq ?? 0) > (page.items[1]?.seq ?? 0)).toBe(true);
    const next = dataOf<{ items: { seq: number }[] }>(
      await t.query("audit.find", { action: "auth.", limit: 2, before: page.nextCursor ?? 0 }, cookie),
    );
    expect(next.items[0]?.seq).toBeLessThan(page.items[1]?.seq ?? 0);
  });

  it("exports CSV that is itself audited and defuses formula cells", async () => {
    await t.call("auth.signIn", { username: "=cmd|calc", password: "whatever it is" });
    const cookie = await t.signIn("tietosuoja");
    const exported = dataOf<{ csv: string; rowCount: number }>(await t.call("audit.export", {}, { cookie }));
    expect(exported.csv.split("\r\n")[0]).toBe(
      "No.,Time (UTC),Time,Who,Event,Action,Target,Outcome,Actor type (code),Actor id,Actor username,Action (code),Target type (code),Target id,Address,Details (JSON),Previous hash,Hash",
    );
    expect(exported.csv).toContain("'=cmd|calc");
    expect(exported.csv).not.toMatch(/,=cmd/);
    expect(await rowsFor("audit.export")).toHaveLength(1);
  });
});
