import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { appendAuditEvent } from "@kuulo/db/audit";
import { type RestoreTarget, restoreDatabase } from "@kuulo/db/backup";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import type { Config } from "../env.js";
import { loadCheckpointKey } from "../services/audit/checkpoint-key.js";
import { writeAuditCheckpoint } from "../services/audit/write-checkpoint.js";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";
import {
  BackupError,
  type BackupManifest,
  fileDigest,
  OBJECTS_DIR,
  readSignedManifest,
} from "./backup-manifest.js";
import { appendJournalLines, readErasureJournal } from "./erasure-journal.js";
import { type ReplayReport, replayErasureJournal } from "./replay-erasure-journal.js";

export interface RestoreReport {
  manifest: BackupManifest;
  objectsRestored: number;
  /** Journal lines the backup carried that the installation's journal did not have yet. */
  journalLinesMerged: number;
  replay: ReplayReport;
}

async function assertIntact(
  dir: string,
  entry: { file: string; size: number; sha256: string },
  what: string,
) {
  const digest = await fileDigest(join(dir, entry.file)).catch(() => null);
  if (!digest || digest.sha256 !== entry.sha256 || digest.size !== entry.size) {
    throw new BackupError(`${what} (${entry.file}) is missing or does not match its checksum`);
  }
}

/** Every file is checked against the signed manifest before anything in the installation is touched. */
async function verifyBackupFiles(dir: string, manifest: BackupManifest): Promise<void> {
  await assertIntact(dir, manifest.database, "the database dump");
  if (manifest.auditCheckpoints) await assertIntact(dir, manifest.auditCheckpoints, "the checkpoint file");
  if (manifest.erasureJournal) await assertIntact(dir, manifest.erasureJournal, "the erasure journal");
  for (const object of manifest.objects) {
    await assertIntact(
      dir,
      { file: join(OBJECTS_DIR, ...object.key.split("/")), size: object.size, sha256: object.sha256 },
      `object ${object.key}`,
    );
  }
}

async function assertStoreEmpty(store: EncryptedBlobStore, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) {
    for await (const key of store.inner.list(prefix)) {
      throw new BackupError(
        `the object store is not empty (found ${key}): restore only into a new installation`,
      );
    }
  }
}

async function assertNoCheckpoints(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info && info.size > 0) {
    throw new BackupError(
      `${file} already holds checkpoints of another database: move it aside (keep it as evidence) before restoring`,
    );
  }
}

/**
 * `kuulo restore <dir>` into an empty installation: verify the signed manifest and every checksum, load
 * the dump, migrate forward, put the objects back, install the checkpoint file, merge the backup's erasure
 * journal into the installation's (which may be newer: it lives outside the backup), and replay it so
 * nothing purged or erased after the backup comes back (R13). Audited, then a fresh checkpoint.
 */
export async function restoreBackup(options: {
  config: Config;
  dir: string;
  store: EncryptedBlobStore;
  masterKeyIds: readonly string[];
  clock: Clock;
  actorLabel: string;
  objectPrefixes: string[];
  /** Environment for pg_restore (PATH, PG* settings); the CLI passes its own. */
  childEnv?: NodeJS.ProcessEnv;
}): Promise<RestoreReport> {
  const { config, dir, store } = options;
  const key = await loadCheckpointKey(config, { create: false });
  const manifest = await readSignedManifest(dir, key);
  const missingKeys = manifest.masterKeyIds.filter((id) => !options.masterKeyIds.includes(id));
  if (missingKeys.length > 0) {
    throw new BackupError(
      `the backup's data keys are wrapped by master key(s) ${missingKeys.join(", ")}: configure the escrowed key (KUULO_MASTER_KEY_FILE or KUULO_PREVIOUS_MASTER_KEYS)`,
    );
  }
  await verifyBackupFiles(dir, manifest);
  const target: RestoreTarget = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { dataDir: join(config.dataDir, "pglite") };
  await assertStoreEmpty(store, options.objectPrefixes);
  await assertNoCheckpoints(config.auditCheckpoints.file);

  await restoreDatabase(target, join(dir, manifest.database.file), manifest.database.format, {
    ...(options.childEnv ? { env: options.childEnv } : {}),
  });
  for (const object of manifest.objects) {
    await store.inner.put(object.key, createReadStream(join(dir, OBJECTS_DIR, ...object.key.split("/"))));
  }
  if (manifest.auditCheckpoints) {
    await mkdir(dirname(config.auditCheckpoints.file), { recursive: true });
    await copyFile(join(dir, manifest.auditCheckpoints.file), config.auditCheckpoints.file);
  }
  let journalLinesMerged = 0;
  if (manifest.erasureJournal) {
    const present = new Set((await readErasureJournal(config.erasureJournal.file, key)).rawLines);
    const carried = await readErasureJournal(join(dir, manifest.erasureJournal.file), key);
    const missing = carried.rawLines.filter((line) => !present.has(line));
    await appendJournalLines(config.erasureJournal.file, missing);
    journalLinesMerged = missing.length;
  }

  const kuuloDb: KuuloDb = await createDb("databaseUrl" in target ? target : { dataDir: target.dataDir });
  try {
    await migrateDb(kuuloDb);
    const replay = await replayErasureJournal({
      db: kuuloDb.db,
      store,
      config,
      clock: options.clock,
      actorLabel: options.actorLabel,
    });
    await appendAuditEvent(kuuloDb.db, {
      actorType: "system",
      actorLabel: options.actorLabel,
      action: "backup.restore",
      outcome: "success",
      occurredAt: options.clock.now(),
      details: {
        backupCreatedAt: manifest.createdAt,
        backupAuditHeadSeq: manifest.auditHead.seq,
        objects: manifest.objects.length,
        journalLinesMerged,
        erasedAgain: replay.erasedAgain.length,
      },
    });
    await writeAuditCheckpoint(kuuloDb.db, config, options.clock.now());
    return { manifest, objectsRestored: manifest.objects.length, journalLinesMerged, replay };
  } finally {
    await kuuloDb.close();
  }
}

/** For the CLI: a journal file given on the command line (e.g. fetched from off-site) joins the installation's. */
export async function importJournal(config: Config, file: string): Promise<number> {
  const key = await loadCheckpointKey(config, { create: false });
  const present = new Set((await readErasureJournal(config.erasureJournal.file, key)).rawLines);
  const incoming = await readErasureJournal(file, key);
  if (incoming.rejected.length > 0 && incoming.entries.length === 0 && (await readFile(file)).length > 0) {
    throw new BackupError(`${file}: no line is signed by the configured audit signing key`);
  }
  const missing = incoming.rawLines.filter((line) => !present.has(line));
  await appendJournalLines(config.erasureJournal.file, missing);
  return missing.length;
}
