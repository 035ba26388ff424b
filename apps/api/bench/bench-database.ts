import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { sql } from "drizzle-orm";

/** The default name; `KUULO_BENCH_DATABASE` (bench/env.ts) names another, so two benches on one server do not drop each other's. */
export const BENCH_DATABASE = "kuulo_bench";

export interface BenchDatabase {
  kuuloDb: KuuloDb;
  databaseUrl: string | undefined;
  label: string;
  close(): Promise<void>;
}

/** A fresh database of this name on the PostgreSQL server (dropped first if a previous run left it). */
export async function openPostgresBenchDb(
  serverUrl: string,
  name: string = BENCH_DATABASE,
): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`bench database name ${name} is not a plain name`);
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = await createDb({ databaseUrl: adminUrl.toString() });
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const kuuloDb = await createDb({ databaseUrl });
  await migrateDb(kuuloDb);
  return {
    kuuloDb,
    databaseUrl,
    label: "PostgreSQL",
    close: async () => {
      await kuuloDb.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/** PGlite in a temporary directory, as the demo mode runs it (same process as the API). */
export async function openPgliteBenchDb(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "kuulo-bench-pglite-"));
  const kuuloDb = await createDb({ dataDir: join(dir, "pglite") });
  await migrateDb(kuuloDb);
  return {
    kuuloDb,
    databaseUrl: undefined,
    label: "PGlite",
    close: async () => {
      await kuuloDb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
