import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { connectionOf } from "../client/connection-registry.js";
import type { KuuloDb } from "../client/types.js";

/** src/migrate/ and dist/migrate/ are both two levels below the package root, beside `migrations/`. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Arbitrary constant shared by every Kuulo process: the session-level lock that serialises migrations. */
export const MIGRATION_LOCK_KEY = 0x6b75756c6f4d;

/**
 * Applies the committed migrations. On PostgreSQL it runs on one dedicated connection holding
 * pg_advisory_lock, so several API instances starting at once migrate one after the other and the later
 * ones find nothing left to do.
 */
export async function migrateDb(kuuloDb: KuuloDb): Promise<void> {
  const connection = connectionOf(kuuloDb);
  if (connection.driver === "pglite") {
    await migratePglite(kuuloDb.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = postgres(connection.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client });
    await db.execute(sql`select pg_advisory_lock(${sql.raw(String(MIGRATION_LOCK_KEY))})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${sql.raw(String(MIGRATION_LOCK_KEY))})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
