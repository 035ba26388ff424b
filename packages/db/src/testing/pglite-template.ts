import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectionOf } from "../client/connection-registry.js";
import { createDb } from "../client/create-db.js";
import { migrateDb } from "../migrate/migrate-db.js";

/** initdb + migrate in memory, dumped as an uncompressed tar of the data directory (~1.5 s quiet). */
export async function dumpMigratedPglite(): Promise<Blob | File> {
  const kuuloDb = await createDb({ dataDir: "memory" });
  try {
    await migrateDb(kuuloDb);
    const connection = connectionOf(kuuloDb);
    if (connection.driver !== "pglite") throw new Error("the template database must be PGlite");
    return await connection.client.dumpDataDir("none");
  } finally {
    await kuuloDb.close();
  }
}

/** The migrated dump written once to a temporary file, for every test worker of a run to read. */
export async function writePgliteTemplateFile(): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "kuulo-test-pglite-template-"));
  const path = join(dir, "pgdata.tar");
  await writeFile(path, new Uint8Array(await (await dumpMigratedPglite()).arrayBuffer()));
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function readPgliteTemplateFile(path: string): Promise<Blob> {
  return new Blob([await readFile(path)], { type: "application/x-tar" });
}
