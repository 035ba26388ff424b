import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/client/index.js";
import { organisations, roleGrants, sessions, units, users } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";
import { insertController, insertUnit, insertUser } from "./fixtures.js";

// The API's session cache trusts auth_epoch: whatever a session's facts depend on must move it, in the
// same transaction; bookkeeping that does not (the idle slide, the TOTP step) must not empty every cache.
describe("auth_epoch", () => {
  let t: TestDb;
  let userId: string;
  let organisationId: string;
  let unitId: string;
  const epoch = async () =>
    Number(
      (await queryRows<{ value: string }>(t.db, sql`select value from auth_epoch where id = 1`))[0]?.value,
    );
  const moves = async (change: () => Promise<unknown>) => {
    const before = await epoch();
    await change();
    return (await epoch()) > before;
  };

  beforeAll(async () => {
    t = await createTestDb();
    organisationId = (await insertController(t.db)).id;
    userId = (await insertUser(t.db, organisationId, "maija")).id;
    unitId = (await insertUnit(t.db, organisationId)).id;
    await t.db.insert(sessions).values({
      id: "a".repeat(64),
      userId,
      expiresAt: new Date(Date.now() + 3_600_000),
      idleTimeoutSeconds: 1800,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ["a grant given", () => t.db.insert(roleGrants).values({ userId, role: "administrator" })],
    ["a grant revoked", () => t.db.update(roleGrants).set({ revokedAt: new Date() })],
    [
      "a user deactivated",
      () => t.db.update(users).set({ status: "deactivated", deactivatedAt: new Date() }),
    ],
    ["a user renamed", () => t.db.update(users).set({ firstName: "Maria" })],
    ["an organisation changed", () => t.db.update(organisations).set({ name: "Kespro" })],
    ["a unit renamed", () => t.db.update(units).set({ name: "Myynti" }).where(eq(units.id, unitId))],
    ["a unit's code changed", () => t.db.update(units).set({ code: "MYY-2" }).where(eq(units.id, unitId))],
    ["a unit removed", () => t.db.delete(units).where(eq(units.id, unitId))],
    ["a second factor verified", () => t.db.update(sessions).set({ secondFactorVerified: true })],
    ["a session ended", () => t.db.delete(sessions).where(eq(sessions.id, "a".repeat(64)))],
  ])("moves when %s", async (_, change) => {
    expect(await moves(change)).toBe(true);
  });

  it("stays for the idle slide and sign-in bookkeeping", async () => {
    await t.db.insert(sessions).values({
      id: "b".repeat(64),
      userId,
      expiresAt: new Date(Date.now() + 3_600_000),
      idleTimeoutSeconds: 1800,
    });
    expect(await moves(() => t.db.update(sessions).set({ lastActiveAt: new Date() }))).toBe(false);
    expect(await moves(() => t.db.update(users).set({ totpLastStep: 123, lockedUntil: null }))).toBe(false);
    const unit = await insertUnit(t.db, organisationId);
    expect(await moves(() => t.db.update(units).set({ parentId: null }).where(eq(units.id, unit.id)))).toBe(
      false,
    );
  });

  it("does not move for a change that rolled back", async () => {
    const before = await epoch();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.update(users).set({ lastName: "Virtanen" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await epoch()).toBe(before);
  });
});
