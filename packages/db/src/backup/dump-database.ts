import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { connectionOf } from "../client/connection-registry.js";
import { queryRows } from "../client/query-rows.js";
import type { Database, Driver, KuuloDb } from "../client/types.js";
import * as schema from "../schema/index.js";

const run = promisify(execFile);

/** `pg_dump-custom`: pg_dump -Fc (restored with pg_restore); `pglite-datadir`: PGlite's gzipped data directory. */
export type DumpFormat = "pg_dump-custom" | "pglite-datadir";

export interface DatabaseDump<T> {
  driver: Driver;
  format: DumpFormat;
  /** Applied migrations at the moment of the dump (the restore migrates forward from there). */
  migrations: number;
  /** What `read` returned, from the very same snapshot as the dump. */
  read: T;
}

/** A URL without its password, and the password for PGPASSWORD: keeps it out of the process list. */
export function splitPassword(databaseUrl: string): { url: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

async function countMigrations(db: Database): Promise<number> {
  const rows = await queryRows<{ count: number | string }>(
    db,
    sql`select count(*) as count from drizzle.__drizzle_migrations`,
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * A consistent dump plus a consistent read beside it. PostgreSQL: a REPEATABLE READ transaction exports
 * its snapshot, `pg_dump --snapshot` dumps exactly that state and `read` runs in the same transaction, so
 * e.g. the list of stored objects matches the rows in the dump even while the API keeps writing. PGlite:
 * the caller's process is its only user (the server is stopped), so its data directory is dumped as is.
 */
export async function dumpDatabase<T>(
  kuuloDb: KuuloDb,
  file: string,
  read: (db: Database) => Promise<T>,
  options: { pgDump?: string } = {},
): Promise<DatabaseDump<T>> {
  const connection = connectionOf(kuuloDb);
  if (connection.driver === "pglite") {
    const migrations = await countMigrations(kuuloDb.db);
    const result = await read(kuuloDb.db);
    const tarball = await connection.client.dumpDataDir("gzip");
    await writeFile(file, new Uint8Array(await tarball.arrayBuffer()), { mode: 0o600, flag: "wx" });
    return { driver: "pglite", format: "pglite-datadir", migrations, read: result };
  }
  const client = postgres(connection.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await client.begin("isolation level repeatable read read only", async (tx) => {
      const [snapshot] = await tx<{ id: string }[]>`select pg_export_snapshot() as id`;
      const { url, env } = splitPassword(connection.databaseUrl);
      await run(
        options.pgDump ?? "pg_dump",
        [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          `--snapshot=${snapshot?.id}`,
          `--file=${file}`,
          `--dbname=${url}`,
        ],
        { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      );
      const db = drizzlePostgres({ client: tx as unknown as postgres.Sql, schema }) as unknown as Database;
      const migrations = await countMigrations(db);
      return { driver: "postgres" as const, format: "pg_dump-custom" as const, migrations, read: await read(db) };
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}
