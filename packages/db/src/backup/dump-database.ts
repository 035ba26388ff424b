import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { connectionOf } from "../client/connection-registry.js";
import { queryRows } from "../client/query-rows.js";
import type { Database, DbOrTx, Driver, KuuloDb } from "../client/types.js";
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

/** The caller's environment (PATH, locale) for pg_dump/pg_restore, plus PGPASSWORD when the URL had one. */
export function childEnv(
  base: NodeJS.ProcessEnv | undefined,
  password: Record<string, string>,
): NodeJS.ProcessEnv | undefined {
  return Object.keys(password).length === 0 ? base : { ...base, ...password };
}

async function countMigrations(db: DbOrTx): Promise<number> {
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
  read: (db: DbOrTx) => Promise<T>,
  options: { pgDump?: string; env?: NodeJS.ProcessEnv } = {},
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
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  try {
    return await db.transaction(
      async (tx) => {
        const [snapshot] = await queryRows<{ id: string }>(tx, sql`select pg_export_snapshot() as id`);
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
          { env: childEnv(options.env, env), maxBuffer: 16 * 1024 * 1024 },
        );
        const migrations = await countMigrations(tx);
        return {
          driver: "postgres" as const,
          format: "pg_dump-custom" as const,
          migrations,
          read: await read(tx),
        };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  } finally {
    await client.end({ timeout: 5 });
  }
}
