import { execFile } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { isAbsolute } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { childEnv, type DumpFormat, splitPassword } from "./dump-database.js";

const run = promisify(execFile);

export type RestoreTarget = { databaseUrl: string } | { dataDir: string };

/** True when the target holds no tables of its own (a new database, or a PGlite directory not created yet). */
export async function isRestoreTargetEmpty(target: RestoreTarget): Promise<boolean> {
  if ("dataDir" in target) {
    try {
      return (await readdir(target.dataDir)).length === 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
      throw error;
    }
  }
  const client = postgres(target.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ count: string }[]>`
      select count(*) as count from pg_catalog.pg_tables
      where schemaname not in ('pg_catalog', 'information_schema')`;
    return Number(row?.count ?? 0) === 0;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Loads a dump made by dumpDatabase into an empty target of the same kind; refuses a non-empty one so a
 * restore never merges into live data. The caller migrates afterwards (a backup of an older release).
 */
export async function restoreDatabase(
  target: RestoreTarget,
  file: string,
  format: DumpFormat,
  options: { pgRestore?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  if (!(await isRestoreTargetEmpty(target))) {
    throw new Error("the target database is not empty: restore only into a new, empty installation");
  }
  if (format === "pglite-datadir") {
    if (!("dataDir" in target) || !isAbsolute(target.dataDir)) {
      throw new Error("this backup holds an embedded (PGlite) database: restore it without DATABASE_URL");
    }
    await mkdir(target.dataDir, { recursive: true });
    const client = await PGlite.create({
      dataDir: target.dataDir,
      loadDataDir: new Blob([new Uint8Array(await readFile(file))]),
    });
    await client.close();
    return;
  }
  if (!("databaseUrl" in target)) {
    throw new Error("this backup holds a PostgreSQL database: set DATABASE_URL to an empty database");
  }
  const { url, env } = splitPassword(target.databaseUrl);
  await run(
    options.pgRestore ?? "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file],
    { env: childEnv(options.env, env), maxBuffer: 16 * 1024 * 1024 },
  );
}
