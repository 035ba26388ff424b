import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connectionOf } from "../client/connection-registry.js";
import { createDb, openPglite } from "../client/create-db.js";
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
    const kuuloDb = await openPglite("memory", await migratedPgliteTemplate());
    return { ...kuuloDb, databaseUrl: undefined };
  }
  return createPostgresTestDb(serverUrl);
}

let template: Promise<Blob | File> | undefined;

/** initdb + migrate once per worker (~1.5 s); each test database then starts from a copy (~0.4 s). */
function migratedPgliteTemplate(): Promise<Blob | File> {
  template ??= (async () => {
    const kuuloDb = await createDb({ dataDir: "memory" });
    try {
      await migrateDb(kuuloDb);
      const connection = connectionOf(kuuloDb);
      if (connection.driver !== "pglite") throw new Error("the template database must be PGlite");
      return await connection.client.dumpDataDir("none");
    } finally {
      await kuuloDb.close();
    }
  })();
  return template;
}

async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
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
