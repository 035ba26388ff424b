import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { type MigrateOptions, migrateDb, roleOfUrl } from "@kuulo/db/migrate";
import type { Config } from "../env.js";

/**
 * How to migrate: as KUULO_MIGRATION_DATABASE_URL's role (the owner) when set, then granting row
 * access to DATABASE_URL's role, which owns nothing (README, "Running on PostgreSQL").
 */
export function migrateOptions(config: Pick<Config, "databaseUrl" | "migrationDatabaseUrl">): MigrateOptions {
  if (!config.migrationDatabaseUrl || !config.databaseUrl) return {};
  return { ownerUrl: config.migrationDatabaseUrl, grantTo: roleOfUrl(config.databaseUrl) };
}

/**
 * Opens the configured database like the server does. PGlite has no lock between processes: stop the
 * server before running a writing command against its data directory.
 */
export async function openDb(config: Config, options: { migrate: boolean }): Promise<KuuloDb> {
  const kuuloDb = await createDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, "pglite") },
  );
  if (options.migrate) await migrateDb(kuuloDb, migrateOptions(config));
  return kuuloDb;
}
