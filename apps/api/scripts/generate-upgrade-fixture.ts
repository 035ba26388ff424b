/**
 * Writes packages/db/test/fixtures/upgrade-from-<version>.sql: a PostgreSQL dump (INSERT statements, no
 * owners) of a database at this release's migration head, filled like a demo installation (seeded
 * company, the twelve demo calls, one Art. 17 erasure). Run it once per release, BEFORE adding the next
 * release's migrations, and commit the file: packages/db/test/upgrade.test.ts migrates it forward.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter @kuulo/api exec \
 *     node --conditions=@kuulo/source --import tsx scripts/generate-upgrade-fixture.ts
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { recordings } from "@kuulo/db/schema";
import { createEmptyPostgresDatabase, testDatabaseUrl } from "@kuulo/db/testing";
import { asc } from "drizzle-orm";
import { createErasureJournal } from "../src/backup/erasure-journal.js";
import { importDemoRecordings } from "../src/cli/import-demo.js";
import { loadConfig, REPO_ROOT } from "../src/env.js";
import { purgeRecording } from "../src/jobs/purge-recording.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";

const serverUrl = testDatabaseUrl();
if (!serverUrl) throw new Error("set DATABASE_URL to a PostgreSQL server (a new database is created there)");
const version = JSON.parse(await readFile(resolve(REPO_ROOT, "apps/api/package.json"), "utf8"))
  .version as string;
const masterKey = new Uint8Array(32).fill(7);
const dataDir = await mkdtemp(join(tmpdir(), "kuulo-fixture-"));
const target = await createEmptyPostgresDatabase(serverUrl);
try {
  const config = loadConfig({
    KUULO_MODE: "demo",
    KUULO_DATA_DIR: dataDir,
    KUULO_MASTER_KEY: Buffer.from(masterKey).toString("base64"),
  });
  const kuuloDb = await createDb({ databaseUrl: target.url });
  try {
    await migrateDb(kuuloDb);
    await seedDemoIfEmpty(kuuloDb.db, config, masterKey, new Date("2026-11-02T08:00:00Z"));
    await importDemoRecordings(kuuloDb.db, config, masterKey, () => {});
    const [first] = await kuuloDb.db
      .select({ id: recordings.id })
      .from(recordings)
      .orderBy(asc(recordings.callStartedAt))
      .limit(1);
    if (first) {
      await purgeRecording(kuuloDb.db, {
        recordingId: first.id,
        now: new Date(),
        reason: "erasure",
        requireDue: false,
        note: "GDPR 17 artikla (fixture)",
        actor: { actorType: "system", actorId: null, actorLabel: "fixture", ip: null },
        journal: createErasureJournal(config),
      });
    }
  } finally {
    await kuuloDb.close();
  }
  const { stdout } = await promisify(execFile)(
    "pg_dump",
    ["--inserts", "--no-owner", "--no-privileges", "--no-comments", `--dbname=${target.url}`],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  // psql meta-commands (\restrict) and session settings PGlite does not know are not SQL: drop them.
  const sql = stdout
    .split("\n")
    .filter(
      (line) =>
        !line.startsWith("\\") &&
        !/^SET (transaction_timeout|idle_in_transaction_session_timeout)/.test(line),
    )
    .join("\n");
  const file = resolve(REPO_ROOT, `packages/db/test/fixtures/upgrade-from-${version}.sql`);
  await writeFile(
    file,
    `-- Kuulo ${version}: schema at its last migration with demo-like data (scripts/generate-upgrade-fixture.ts)\n${sql}`,
  );
  console.log(`wrote ${file}`);
} finally {
  await target.drop();
  await rm(dataDir, { recursive: true, force: true });
}
