import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, openPglite } from "../client/create-db.js";
import type { Database, KuuloDb } from "../client/types.js";
import { migrateDb } from "../migrate/migrate-db.js";
import { testDatabaseUrl, testPgliteTemplateFile, testRoles, testTemplateDatabase } from "./env.js";
import { dumpMigratedPglite, readPgliteTemplateFile } from "./pglite-template.js";
import { databaseUrlAs, ensureRole } from "./test-roles.js";

export interface TestDb extends KuuloDb {
  /**
   * The throw-away database's URL on PostgreSQL as the runtime role (owns no table), e.g. for a second
   * connection or DATABASE_URL of a spawned API; undefined on PGlite.
   */
  databaseUrl: string | undefined;
  /** The same database as its owner role, for KUULO_MIGRATION_DATABASE_URL; undefined on PGlite. */
  ownerDatabaseUrl: string | undefined;
  /**
   * Runs `fn` as the tables' owner: what only an attacker with the owner's credentials could do (e.g.
   * disable the audit triggers to tamper with the log). On PGlite, the one connection.
   */
  asOwner<T>(fn: (db: Database) => Promise<T>): Promise<T>;
}

/**
 * A fresh, migrated database for one test file or test: in-memory PGlite, or — when DATABASE_URL is set —
 * a new database `kuulo_test_<random>` on that server, dropped by close(). Parallel workers never share one.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) {
    const kuuloDb = await openPglite("memory", await migratedPgliteTemplate());
    return {
      ...kuuloDb,
      databaseUrl: undefined,
      ownerDatabaseUrl: undefined,
      asOwner: (fn) => fn(kuuloDb.db),
    };
  }
  return createPostgresTestDb(serverUrl);
}

let template: Promise<Blob | File> | undefined;

/**
 * The run's migrated data directory, written once by the test-template global setup, when there is one;
 * else initdb + migrate once per worker (~1.5 s). Each test database then starts from a copy (~0.4 s).
 */
function migratedPgliteTemplate(): Promise<Blob | File> {
  const file = testPgliteTemplateFile();
  template ??= file ? readPgliteTemplateFile(file) : dumpMigratedPglite();
  return template;
}

/**
 * On PostgreSQL the database belongs to an owner role that runs the migrations, and the tests connect
 * as a runtime role that owns nothing, as the API does in production (README, "Running on PostgreSQL").
 */
async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
  const name = `kuulo_test_${randomBytes(8).toString("hex")}`;
  const roles = testRoles();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  await ensureRole(admin, roles.owner);
  await ensureRole(admin, roles.runtime);
  const template = testTemplateDatabase();
  await admin.unsafe(
    `create database "${name}"${template ? ` template "${template}"` : ""} owner "${roles.owner}"`,
  );
  try {
    const databaseUrl = databaseUrlAs(serverUrl, name, roles.runtime);
    const ownerDatabaseUrl = databaseUrlAs(serverUrl, name, roles.owner);
    const kuuloDb = await createDb({ databaseUrl });
    // A copy of the run's template is migrated and granted already.
    if (!template) await migrateDb(kuuloDb, { ownerUrl: ownerDatabaseUrl, grantTo: roles.runtime });
    return {
      ...kuuloDb,
      databaseUrl,
      ownerDatabaseUrl,
      asOwner: async (fn) => {
        const owner = await createDb({ databaseUrl: ownerDatabaseUrl });
        try {
          return await fn(owner.db);
        } finally {
          await owner.close();
        }
      },
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
