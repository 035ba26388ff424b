import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedStatement } from "../src/client/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";

// The hot statements sent straight to the driver answer the same rows on PGlite and on PostgreSQL.
describe("fixed statements", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  const epochPlus = fixedStatement<{ value: string | number; shifted: string | number }>(
    "select value, value + $1::bigint as shifted from auth_epoch where id = 1",
  );

  it("returns rows keyed by column name, with parameters, the same on every call", async () => {
    const [first] = await epochPlus(t.db, [5]);
    const [second] = await epochPlus(t.db, [7]);
    expect(first).toBeDefined();
    expect(Number(first?.shifted) - Number(first?.value)).toBe(5);
    expect(Number(second?.shifted) - Number(second?.value)).toBe(7);
  });

  it("sees a change committed just before it", async () => {
    const [before] = await epochPlus(t.db, [0]);
    const bump = fixedStatement("update auth_epoch set value = value + 1 where id = 1");
    await bump(t.db);
    const [after] = await epochPlus(t.db, [0]);
    expect(Number(after?.value)).toBe(Number(before?.value) + 1);
  });
});
