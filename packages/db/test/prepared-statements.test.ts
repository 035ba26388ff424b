import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/client/index.js";
import { users } from "../src/schema/index.js";
import { createTestDb, type TestDb, testDatabaseUrl } from "../src/testing/index.js";

// postgres.js sends an unnamed statement with parameters in two round trips; named (prepared) statements
// cost one after their first use on a connection. Every drizzle query, inside transactions too, is named.
describe.skipIf(!testDatabaseUrl())("prepared statements on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The statements this connection has prepared whose text mentions `marker`. */
  const preparedMentioning = (
    tx: Parameters<Parameters<TestDb["db"]["transaction"]>[0]>[0],
    marker: string,
  ) =>
    queryRows<{ n: string | number }>(
      tx,
      sql`select count(*) as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
    );

  it("prepares parameterised queries, in a transaction and in a savepoint", async () => {
    await t.db.transaction(async (tx) => {
      await tx.select().from(users).where(sql`${users.username} = ${"nobody"} /* marker-tx */`);
      await tx.transaction(async (inner) => {
        await inner.select().from(users).where(sql`${users.username} = ${"nobody"} /* marker-sp */`);
      });
      const [inTx] = await preparedMentioning(tx, "marker-tx");
      const [inSavepoint] = await preparedMentioning(tx, "marker-sp");
      expect(Number(inTx?.n)).toBe(1);
      expect(Number(inSavepoint?.n)).toBe(1);
    });
  });

  it("leaves bulk statements with many parameters unnamed", async () => {
    await t.db.transaction(async (tx) => {
      const names = Array.from({ length: 150 }, (_, i) => `nobody-${i}`);
      await tx
        .select()
        .from(users)
        .where(
          sql`${users.username} in (${sql.join(
            names.map((name) => sql`${name}`),
            sql`, `,
          )}) /* marker-bulk */`,
        );
      const [bulk] = await preparedMentioning(tx, "marker-bulk");
      expect(Number(bulk?.n)).toBe(0);
    });
  });
});
