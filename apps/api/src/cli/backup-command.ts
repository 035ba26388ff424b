import { resolve } from "node:path";
import type { KuuloDb } from "@kuulo/db/client";
import type { Command } from "commander";
import { createBackup } from "../backup/create-backup.js";
import { replayErasureJournal } from "../backup/replay-erasure-journal.js";
import { importJournal, restoreBackup } from "../backup/restore-backup.js";
import { type Config, ConfigError, invocationDir, loadConfig } from "../env.js";
import { loadMasterKey } from "../server/master-key.js";
import { EXPORT_KEY_PREFIX } from "../services/disclosures/build-export-package.js";
import {
  createBlobStore,
  createKeyring,
  RECORDING_KEY_PREFIX,
} from "../services/recordings/recording-storage.js";
import { createEncryptedStore, S3BlobStore } from "../storage/index.js";
import { systemClock } from "../trpc/context.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

async function openStore(config: Config) {
  const keyring = createKeyring(await loadMasterKey(config), config.previousMasterKeys);
  const inner = createBlobStore(config.storage);
  return {
    store: createEncryptedStore(inner, keyring),
    keyring,
    close: () => (inner instanceof S3BlobStore ? inner.destroy() : undefined),
  };
}

function report(error: unknown): number {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
    return 2;
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

/** `backup <dir>`, `restore <dir>` and `erasure-journal replay`: see docs/backup-restore.md. */
export function addBackupCommands(program: Command, withDb: WithDb, operator: () => string): void {
  program
    .command("backup")
    .description(
      "write a consistent backup to an empty <dir>: database dump, stored objects with checksums, audit checkpoints, erasure journal, signed manifest (no keys)",
    )
    .argument("<dir>")
    .action((dir: string) =>
      withDb(false, async (kuuloDb, config) => {
        const opened = await openStore(config);
        try {
          const result = await createBackup({
            kuuloDb,
            config,
            store: opened.store,
            dir: resolve(invocationDir(), dir),
            clock: systemClock,
            actorLabel: `cli:${operator()}`,
            childEnv: process.env,
          });
          for (const key of result.vanishedObjects)
            console.log(`object ${key} erased while the backup ran (in the erasure journal)`);
          console.log(
            `backup written to ${result.dir}: ${result.manifest.database.driver} dump, ${result.manifest.objects.length} object(s), audit head ${result.manifest.auditHead.seq}; escrow the master key and audit signing key separately`,
          );
          return 0;
        } finally {
          opened.close();
        }
      }),
    );

  program
    .command("restore")
    .description(
      "restore a backup into an empty installation, then replay the erasure journal so nothing purged or erased since comes back",
    )
    .argument("<dir>")
    .option(
      "--erasure-journal <file>",
      "merge this journal (e.g. the off-site copy) into the installation's before replaying",
    )
    .action(async (dir: string, options: { erasureJournal?: string }) => {
      try {
        const config = loadConfig();
        const opened = await openStore(config);
        try {
          if (options.erasureJournal) {
            const merged = await importJournal(config, resolve(invocationDir(), options.erasureJournal));
            console.log(`${merged} erasure journal line(s) merged from ${options.erasureJournal}`);
          }
          const result = await restoreBackup({
            config,
            dir: resolve(invocationDir(), dir),
            store: opened.store,
            masterKeyIds: opened.keyring.keyIds,
            clock: systemClock,
            actorLabel: `cli:${operator()}`,
            objectPrefixes: [RECORDING_KEY_PREFIX, EXPORT_KEY_PREFIX],
            childEnv: process.env,
          });
          const { replay } = result;
          for (const rejected of replay.rejectedLines)
            console.error(`erasure journal line ${rejected.line} IGNORED (${rejected.problem})`);
          for (const id of replay.skipped)
            console.error(`recording ${id} is in the erasure journal but under legal hold: NOT erased`);
          console.log(
            `restored the backup of ${result.manifest.createdAt}: ${result.objectsRestored} object(s); erasure journal: ${replay.entries} entries, ${replay.erasedAgain.length} recording(s) erased again, ${replay.packagesErasedAgain.length} export package(s) of closed cases erased again. Now run: storage reconcile, storage scrub, audit verify`,
          );
          process.exitCode = replay.skipped.length + replay.rejectedLines.length > 0 ? 1 : 0;
        } finally {
          opened.close();
        }
      } catch (error) {
        process.exitCode = report(error);
      }
    });

  program
    .command("erasure-journal")
    .description("the signed journal of purged and erased recordings kept outside the database (R13)")
    .command("replay")
    .description("erase again every journaled recording the database still holds (after a restore)")
    .action(() =>
      withDb(true, async (kuuloDb, config) => {
        const opened = await openStore(config);
        try {
          const replay = await replayErasureJournal({
            db: kuuloDb.db,
            store: opened.store,
            config,
            clock: systemClock,
            actorLabel: `cli:${operator()}`,
          });
          for (const rejected of replay.rejectedLines)
            console.error(`line ${rejected.line} IGNORED (${rejected.problem})`);
          for (const id of replay.skipped) console.error(`recording ${id} under legal hold: NOT erased`);
          console.log(
            `${replay.entries} entries; ${replay.erasedAgain.length} recording(s) and ${replay.packagesErasedAgain.length} export package(s) erased again`,
          );
          return replay.skipped.length + replay.rejectedLines.length > 0 ? 1 : 0;
        } finally {
          opened.close();
        }
      }),
    );
}
