import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import type { Config } from "../env.js";

/**
 * Opens the configured database like the server does. PGlite has no lock between processes: stop the
 * server before running a writing command against its data directory.
 */
export async function openDb(config: Config, options: { migrate: boolean }): Promise<KuuloDb> {
  const kuuloDb = await createDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, "pglite") },
  );
  if (options.migrate) await migrateDb(kuuloDb);
  return kuuloDb;
}
