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

export interface MigrateOptions {
  /**
   * PostgreSQL: migrate as this URL's role (the owner of the tables) instead of the connection's own.
   * The runtime role then owns nothing, so it cannot ALTER TABLE … DISABLE TRIGGER on the audit log.
   */
  ownerUrl?: string | undefined;
  /** PostgreSQL: the runtime role to grant data access (no ownership, no DDL) after migrating. */
  grantTo?: string | undefined;
}

/** The role a postgres:// URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || "postgres";
}

/**
 * What the runtime role may do: read and write rows, never change a table. The audit log only takes
 * reads, appends and the sequencer's linking of a row (its triggers refuse the rest anyway). Re-run after every migration, so new tables
 * are covered.
 */
async function grantRuntimeAccess(db: ReturnType<typeof drizzlePostgres>, role: string) {
  const quoted = `"${role.replaceAll('"', '""')}"`;
  for (const statement of [
    `GRANT USAGE ON SCHEMA public TO ${quoted}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoted}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${quoted}`,
    // The audit sequencer links rows into the chain: only the link columns (its trigger allows it once).
    `GRANT UPDATE (chain_seq, prev_hash, hash, linked_at) ON audit_events TO ${quoted}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`,
    // Read-only view of drizzle's journal: /readyz compares it with the build, and a backup dumps it.
    `GRANT USAGE ON SCHEMA drizzle TO ${quoted}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${quoted}`,
    `GRANT SELECT ON ALL SEQUENCES IN SCHEMA drizzle TO ${quoted}`,
  ]) {
    await db.execute(sql.raw(statement));
  }
}

/**
 * Applies the committed migrations. On PostgreSQL it runs on one dedicated connection holding
 * pg_advisory_lock, so several API instances starting at once migrate one after the other and the later
 * ones find nothing left to do.
 */
export async function migrateDb(kuuloDb: KuuloDb, options: MigrateOptions = {}): Promise<void> {
  const connection = connectionOf(kuuloDb);
  if (connection.driver === "pglite") {
    await migratePglite(kuuloDb.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const url = options.ownerUrl ?? connection.databaseUrl;
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres({ client });
    await db.execute(sql`select pg_advisory_lock(${sql.raw(String(MIGRATION_LOCK_KEY))})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
      if (options.grantTo && options.grantTo !== roleOfUrl(url))
        await grantRuntimeAccess(db, options.grantTo);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${sql.raw(String(MIGRATION_LOCK_KEY))})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
