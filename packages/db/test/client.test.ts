import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client/index.js";
import { migrateDb } from "../src/migrate/index.js";
import { organisations } from "../src/schema/index.js";
import { insertController } from "./fixtures.js";

describe("createDb with PGlite on disk", () => {
  const parent = mkdtempSync(join(tmpdir(), "kuulo-db-"));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("creates the data directory and keeps data across reopen", async () => {
    const dataDir = join(parent, "nested", "data");
    const first = await createDb({ dataDir });
    expect(first.driver).toBe("pglite");
    await migrateDb(first);
    const organisation = await insertController(first.db);
    await first.close();

    const second = await createDb({ dataDir });
    await migrateDb(second);
    const rows = await second.db.select().from(organisations).where(eq(organisations.id, organisation.id));
    expect(rows.map((row) => row.name)).toEqual(["Kespro Oy"]);
    await second.close();
  });

  it("refuses a relative data directory", async () => {
    await expect(createDb({ dataDir: "relative/dir" })).rejects.toThrow(/absolute path/);
  });

  it("rolls back a failed transaction", async () => {
    const kuuloDb = await createDb();
    await migrateDb(kuuloDb);
    await expect(
      kuuloDb.db.transaction(async (tx) => {
        await insertController(tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await kuuloDb.db.select().from(organisations)).toEqual([]);
    await kuuloDb.close();
  });
});
