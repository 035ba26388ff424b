/**
 * Writes packages/db/test/fixtures/upgrade-from-<version>.sql: a PostgreSQL dump (INSERT statements, no
 * owners) of a database at this release's migration head, filled like a demo installation (seeded
 * company, the twelve demo calls, one Art. 17 erasure). Run it once per release, BEFORE adding the next
 * release's migrations, and commit the file: packages/db/test/upgrade.test.ts migrates it forward.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm --filter @kuulo/api exec \
 *     node --conditions=@kuulo/source --import tsx scripts/generate-upgrade-fixture.ts [<version>]
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { createDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import {
  legalHolds,
  listeningProgress,
  playlistAssignments,
  playlistItems,
  playlists,
  recordings,
  units,
  users,
} from "@kuulo/db/schema";
import { createEmptyPostgresDatabase, testDatabaseUrl } from "@kuulo/db/testing";
import { asc, eq } from "drizzle-orm";
import { createErasureJournal } from "../src/backup/erasure-journal.js";
import { importDemoRecordings } from "../src/cli/import-demo.js";
import { loadConfig, REPO_ROOT } from "../src/env.js";
import { purgeRecording } from "../src/jobs/purge-recording.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { insertApiToken } from "../src/services/api-tokens/create.js";

/** A published playlist (its first call is erased below), an assignment, progress, a hold, a token. */
async function addTrainingAndHolds(db: Database) {
  const now = new Date("2026-11-03T09:00:00Z");
  const [unit] = await db.select().from(units).where(eq(units.code, "HKI-ASPA"));
  const [trainer] = await db.select().from(users).where(eq(users.username, "kouluttaja"));
  const [employee] = await db.select().from(users).where(eq(users.username, "mikko.korhonen"));
  const [officer] = await db.select().from(users).where(eq(users.username, "tietosuoja"));
  const calls = await db
    .select({ id: recordings.id })
    .from(recordings)
    .orderBy(asc(recordings.callStartedAt));
  if (!unit || !trainer || !employee || !officer || calls.length < 3) throw new Error("demo data missing");
  const [playlist] = await db
    .insert(playlists)
    .values({
      title: "Reklamaatiot",
      unitId: unit.id,
      createdBy: trainer.id,
      status: "published",
      publishedAt: now,
    })
    .returning({ id: playlists.id });
  if (!playlist) throw new Error("playlist insert failed");
  const items = await db
    .insert(playlistItems)
    .values([
      { playlistId: playlist.id, position: 0, recordingId: calls[0]?.id ?? null, note: "Alku" },
      {
        playlistId: playlist.id,
        position: 1,
        recordingId: calls[1]?.id ?? null,
        clipStartMs: 1000,
        clipEndMs: 9000,
      },
    ])
    .returning({ id: playlistItems.id });
  await db
    .insert(playlistAssignments)
    .values({ playlistId: playlist.id, unitId: unit.id, assignedBy: trainer.id });
  await db.insert(listeningProgress).values({
    userId: employee.id,
    playlistItemId: items[1]?.id ?? "",
    listenedMs: 4000,
    maxPositionMs: 5000,
    positionMs: 5000,
    playedIntervals: [[1000, 5000]],
  });
  await db.insert(legalHolds).values({
    recordingId: calls[2]?.id ?? "",
    reason: "Riita-asia vireillä",
    placedBy: officer.id,
    placedAt: now,
  });
  await insertApiToken(db, { name: "call recording system", expiresAt: null, createdBy: null, now }, (what) =>
    appendAuditEvent(db, { ...what, actorType: "system", actorLabel: "fixture", occurredAt: now }),
  );
}

const serverUrl = testDatabaseUrl();
if (!serverUrl) throw new Error("set DATABASE_URL to a PostgreSQL server (a new database is created there)");
// The release whose schema this is: the argument, else the current version without its pre-release tag.
const packageVersion = JSON.parse(await readFile(resolve(REPO_ROOT, "apps/api/package.json"), "utf8"))
  .version as string;
const version = process.argv[2] ?? packageVersion.replace(/-.*$/, "");
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
    await addTrainingAndHolds(kuuloDb.db);
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
