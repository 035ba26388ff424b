import { createHash } from "node:crypto";
import { copyFile, mkdir, open, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { appendAuditEvent, auditHead } from "@kuulo/db/audit";
import { dumpDatabase } from "@kuulo/db/backup";
import type { DbOrTx, KuuloDb } from "@kuulo/db/client";
import { exportPackages, recordings } from "@kuulo/db/schema";
import { and, isNotNull, isNull } from "drizzle-orm";
import type { Config } from "../env.js";
import { loadCheckpointKey } from "../services/audit/checkpoint-key.js";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";
import {
  BackupError,
  type BackupManifest,
  CHECKPOINTS_FILE,
  fileDigest,
  JOURNAL_FILE,
  kuuloVersion,
  OBJECTS_DIR,
  writeSignedManifest,
} from "./backup-manifest.js";

const READ_SLICE = 8 * 1024 * 1024;

/** Wrapped key layout (MasterKeyring): version(1) | idLength(1) | id | …: the id is not secret. */
function masterKeyIdOf(wrapped: Uint8Array): string {
  return Buffer.from(wrapped.subarray(2, 2 + (wrapped[1] ?? 0))).toString("utf8");
}

async function liveObjects(db: DbOrTx) {
  const rows = [
    ...(await db
      .select({ storageKey: recordings.storageKey, wrapped: recordings.wrappedDataKey })
      .from(recordings)
      .where(and(isNotNull(recordings.wrappedDataKey), isNull(recordings.deletedAt)))),
    ...(await db
      .select({ storageKey: exportPackages.storageKey, wrapped: exportPackages.wrappedDataKey })
      .from(exportPackages)
      .where(isNotNull(exportPackages.wrappedDataKey))),
  ];
  return {
    keys: rows.map((row) => row.storageKey).sort(),
    masterKeyIds: [...new Set(rows.map((row) => masterKeyIdOf(row.wrapped as Uint8Array)))].sort(),
    head: await auditHead(db),
  };
}

/** Copies one stored object (ciphertext, as stored) in slices, hashing as it goes. */
async function copyObject(store: EncryptedBlobStore, key: string, target: string) {
  const size = await store.inner.size(key);
  const hash = createHash("sha256");
  await mkdir(dirname(target), { recursive: true });
  const handle = await open(target, "wx", 0o600);
  try {
    for (let start = 0; start < size; start += READ_SLICE) {
      const bytes = await store.inner.getRange(key, start, Math.min(size, start + READ_SLICE) - 1);
      hash.update(bytes);
      await handle.write(bytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { key, size, sha256: hash.digest("hex") };
}

/** Checkpoints taken after the snapshot name rows the dump lacks: only those up to its head go along. */
async function copyCheckpointsUpTo(source: string, dir: string, headSeq: number) {
  const content = await readFile(source, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (content === null) return null;
  const lines = content.split("\n");
  lines.pop();
  const kept = lines.filter((line) => {
    try {
      const seq = (JSON.parse(line) as { seq?: unknown }).seq;
      return !(typeof seq === "number" && seq > headSeq);
    } catch {
      return true;
    }
  });
  await writeFile(join(dir, CHECKPOINTS_FILE), kept.map((line) => `${line}\n`).join(""), {
    mode: 0o600,
    flag: "wx",
  });
  return { file: CHECKPOINTS_FILE, ...(await fileDigest(join(dir, CHECKPOINTS_FILE))) };
}

async function copyIfPresent(source: string, dir: string, name: string) {
  if (!(await stat(source).catch(() => null))) return null;
  await copyFile(source, join(dir, name));
  return { file: name, ...(await fileDigest(join(dir, name))) };
}

export interface BackupReport {
  dir: string;
  manifest: BackupManifest;
  /** Objects of rows in the dump that were erased before they could be copied (they are in the journal). */
  vanishedObjects: string[];
}

/**
 * `kuulo backup <dir>`: a consistent database dump, every stored object its rows reference (ciphertext,
 * with SHA-256), the audit checkpoint file and erasure journal, and a manifest signed with the audit
 * signing key. Master key and signing key are never written: they are escrowed separately.
 */
export async function createBackup(options: {
  kuuloDb: KuuloDb;
  config: Config;
  store: EncryptedBlobStore;
  dir: string;
  clock: Clock;
  actorLabel: string;
  /** Environment for pg_dump (PATH, PG* settings); the CLI passes its own. */
  childEnv?: NodeJS.ProcessEnv;
}): Promise<BackupReport> {
  const { kuuloDb, config, store, dir } = options;
  const key = await loadCheckpointKey(config, { create: true });
  if (!key) throw new BackupError("KUULO_AUDIT_SIGNING_KEY_FILE: required to sign the backup manifest");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if ((await readdir(dir)).length > 0) throw new BackupError(`${dir} is not empty`);

  const databaseFile = kuuloDb.driver === "postgres" ? "database.pgdump" : "database.pglite.tar.gz";
  const dump = await dumpDatabase(kuuloDb, join(dir, databaseFile), liveObjects, {
    ...(options.childEnv ? { env: options.childEnv } : {}),
  });
  const objects: BackupManifest["objects"] = [];
  const vanishedObjects: string[] = [];
  for (const objectKey of dump.read.keys) {
    if (!(await store.inner.exists(objectKey))) {
      vanishedObjects.push(objectKey);
      continue;
    }
    objects.push(await copyObject(store, objectKey, join(dir, OBJECTS_DIR, ...objectKey.split("/"))));
  }
  const manifest: BackupManifest = {
    format: "kuulo-backup",
    version: 1,
    createdAt: options.clock.now().toISOString(),
    kuuloVersion: kuuloVersion(),
    database: {
      file: databaseFile,
      ...(await fileDigest(join(dir, databaseFile))),
      driver: dump.driver,
      format: dump.format,
      migrations: dump.migrations,
    },
    objects,
    masterKeyIds: dump.read.masterKeyIds,
    auditHead: dump.read.head,
    auditCheckpoints: await copyCheckpointsUpTo(config.auditCheckpoints.file, dir, dump.read.head.seq),
    erasureJournal: await copyIfPresent(config.erasureJournal.file, dir, JOURNAL_FILE),
  };
  await writeSignedManifest(dir, manifest, key);
  await appendAuditEvent(kuuloDb.db, {
    actorType: "system",
    actorLabel: options.actorLabel,
    action: "backup.create",
    outcome: "success",
    occurredAt: options.clock.now(),
    details: {
      objects: objects.length,
      vanishedObjects: vanishedObjects.length,
      auditHeadSeq: dump.read.head.seq,
      driver: dump.driver,
    },
  });
  return { dir, manifest, vanishedObjects };
}
