import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "../client/create-db.js";
import type { KuuloDb } from "../client/types.js";
import { migrateDb } from "../migrate/migrate-db.js";
import { testDatabaseUrl } from "./env.js";

export interface TestDb extends KuuloDb {
  /** The throw-away database's URL on PostgreSQL (e.g. for a second connection); undefined on PGlite. */
  databaseUrl: string | undefined;
}

/**
 * A fresh, migrated database for one test file or test: in-memory PGlite, or — when DATABASE_URL is set —
 * a new database `kuulo_test_<random>` on that server, dropped by close(). Parallel workers never share one.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const kuuloDb = await createDb({ dataDir: "memory" });
    await migrateDb(kuuloDb);
    return { ...kuuloDb, databaseUrl: undefined, close: kuuloDb.close };
  }
  const name = `kuulo_test_${randomBytes(8).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  await admin.unsafe(`create database "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const kuuloDb = await createDb({ databaseUrl });
    await migrateDb(kuuloDb);
    return {
      ...kuuloDb,
      databaseUrl,
      close: async () => {
        await kuuloDb.close();
        await dropDatabase();
      },
    };
  } catch (error) {
    await dropDatabase();
    throw error;
  }
}
