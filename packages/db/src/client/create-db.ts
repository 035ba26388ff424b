import { mkdirSync } from "node:fs";
import { isAbsolute } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../schema/index.js";
import { rememberConnection } from "./connection-registry.js";
import { withPreparedStatements } from "./prepared-statements.js";
import type { CreateDbOptions, Database, KuuloDb } from "./types.js";

const POOL_SIZE = 10;

/**
 * Opens the database: PostgreSQL when `databaseUrl` is given, otherwise PGlite in `dataDir` or in memory.
 * The caller decides from its configuration; this package never reads the environment.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<KuuloDb> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ?? "memory");
}

function openPostgres(databaseUrl: string): KuuloDb {
  const client = withPreparedStatements(postgres(databaseUrl, { max: POOL_SIZE, onnotice: () => {} }));
  // Both drivers extend PgDatabase; only the query-result type parameter differs.
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  const kuuloDb: KuuloDb = {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
  rememberConnection(kuuloDb, { driver: "postgres", databaseUrl });
  return kuuloDb;
}

/** Internal: an in-memory PGlite, optionally started from a dumped data directory (see createTestDb). */
export async function openPglite(dataDir: string, loadDataDir?: Blob | File): Promise<KuuloDb> {
  let client: PGlite;
  if (dataDir === "memory") {
    client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  } else {
    if (!isAbsolute(dataDir)) {
      throw new Error(`dataDir must be an absolute path or "memory", got "${dataDir}"`);
    }
    mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(dataDir);
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  const kuuloDb: KuuloDb = { db, driver: "pglite", close: () => client.close() };
  rememberConnection(kuuloDb, { driver: "pglite", client });
  return kuuloDb;
}
