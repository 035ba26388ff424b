import type { KuuloDb } from "@kuulo/db/client";
import type { Command } from "commander";
import type { Config } from "../env.js";
import { loadMasterKey } from "../server/master-key.js";
import { createBlobStore, createKeyring } from "../services/recordings/recording-storage.js";
import { createEncryptedStore } from "../storage/index.js";
import { systemClock } from "../trpc/context.js";
import { ORPHAN_MIN_AGE_MS, reconcileStorage } from "./storage-reconcile.js";
import { rewrapRecordingKeys } from "./storage-rewrap.js";
import { scrubStorage } from "./storage-scrub.js";

type WithDb = (
  migrate: boolean,
  run: (db: KuuloDb, config: Config) => Promise<number | undefined>,
) => Promise<void>;

async function storeFor(config: Config) {
  return createEncryptedStore(
    createBlobStore(config.storage),
    createKeyring(await loadMasterKey(config), config.previousMasterKeys),
  );
}

/** `kuulo storage reconcile [--dry-run]` and `kuulo storage scrub`; both exit 1 when something is wrong. */
export function addStorageCommands(program: Command, withDb: WithDb, operator: () => string): void {
  const storage = program.command("storage").description("encrypted recording objects");
  storage
    .command("reconcile")
    .description(
      `delete objects without a recording or export package row (older than ${ORPHAN_MIN_AGE_MS / 60000} min, so a running ingest is spared) and report rows whose object is missing`,
    )
    .option("--dry-run", "only report")
    .action((options: { dryRun?: boolean }) =>
      withDb(false, async (kuuloDb, config) => {
        const report = await reconcileStorage({
          db: kuuloDb.db,
          store: await storeFor(config),
          clock: systemClock,
          dryRun: options.dryRun ?? false,
          actorLabel: `cli:${operator()}`,
        });
        for (const key of report.orphanObjects)
          console.log(`${report.dryRun ? "orphan (would delete)" : "orphan deleted"}  ${key}`);
        for (const key of report.youngOrphans)
          console.log(`orphan kept (recent, ingest may be running)  ${key}`);
        for (const missing of report.missingObjects)
          console.error(`MISSING object ${missing.storageKey} of recording ${missing.recordingId}`);
        for (const missing of report.missingExportObjects)
          console.error(`MISSING object ${missing.storageKey} of export package ${missing.exportPackageId}`);
        console.log(
          `${report.objects} object(s); ${report.orphanObjects.length} orphan(s) ${report.dryRun ? "found" : "deleted"}; ${report.missingObjects.length} recording(s) without their object; ${report.tempFilesRemoved} temp file(s) removed`,
        );
        return report.missingObjects.length + report.missingExportObjects.length > 0 ? 1 : 0;
      }),
    );
  storage
    .command("scrub")
    .description("decrypt every stored recording and verify it against its SHA-256")
    .action(() =>
      withDb(false, async (kuuloDb, config) => {
        const report = await scrubStorage({
          db: kuuloDb.db,
          store: await storeFor(config),
          clock: systemClock,
          actorLabel: `cli:${operator()}`,
        });
        for (const failure of report.failures)
          console.error(`FAILED ${failure.recordingId} ${failure.storageKey}: ${failure.problem}`);
        console.log(`${report.checked} recording(s) checked, ${report.failures.length} failed`);
        return report.failures.length > 0 ? 1 : 0;
      }),
    );
  storage
    .command("rewrap")
    .description("after a master key rotation: re-wrap every data key with the current master key")
    .action(() =>
      withDb(false, async (kuuloDb, config) => {
        const result = await rewrapRecordingKeys({
          db: kuuloDb.db,
          keyring: createKeyring(await loadMasterKey(config), config.previousMasterKeys),
          clock: systemClock,
          actorLabel: `cli:${operator()}`,
        });
        console.log(`${result.rewrapped} data key(s) re-wrapped with the current master key`);
        return 0;
      }),
    );
}
