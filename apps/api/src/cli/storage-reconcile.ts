import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { exportPackages, recordings } from "@kuulo/db/schema";
import { EXPORT_KEY_PREFIX } from "../services/disclosures/build-export-package.js";
import { RECORDING_KEY_PREFIX } from "../services/recordings/recording-storage.js";
import { type EncryptedBlobStore, FsBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";

/** An object this young may belong to an ingest whose transaction has not committed yet. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface ReconcileReport {
  dryRun: boolean;
  objects: number;
  /** Objects with no live recording or export package row (deleted unless dryRun). */
  orphanObjects: string[];
  /** Orphans left alone because they are younger than ORPHAN_MIN_AGE_MS (on the filesystem and on S3). */
  youngOrphans: string[];
  /** Live recordings whose object is missing: reported, never silently "fixed". */
  missingObjects: { recordingId: string; storageKey: string }[];
  /** Export packages still readable (not closed) whose object is missing. */
  missingExportObjects: { exportPackageId: string; storageKey: string }[];
  tempFilesRemoved: number;
}

async function ageMs(store: EncryptedBlobStore, key: string, now: Date): Promise<number | null> {
  const modified = await store.inner.lastModified(key).catch(() => null);
  return modified ? now.getTime() - modified.getTime() : null;
}

/**
 * `storage reconcile`: finds orphans in both directions, for recordings and export packages. Objects
 * without a live row are deleted (a crash between object write and commit, or a package build that
 * lost its race, leaves such objects); rows without an object are reported.
 */
export async function reconcileStorage(options: {
  db: Database;
  store: EncryptedBlobStore;
  clock: Clock;
  dryRun: boolean;
  actorLabel: string;
}): Promise<ReconcileReport> {
  const { db, store } = options;
  const now = options.clock.now();
  const rows = await db
    .select({
      id: recordings.id,
      storageKey: recordings.storageKey,
      wrappedDataKey: recordings.wrappedDataKey,
      deletedAt: recordings.deletedAt,
    })
    .from(recordings);
  // An object whose row lost its wrapped key (crypto-erased) or was deleted can never be read again.
  const live = new Map(
    rows.filter((row) => row.wrappedDataKey && !row.deletedAt).map((row) => [row.storageKey, row.id]),
  );
  // A closed case's package lost its wrapped key (crypto-erased): its object is an orphan too.
  const packages = await db
    .select({
      id: exportPackages.id,
      storageKey: exportPackages.storageKey,
      wrappedDataKey: exportPackages.wrappedDataKey,
    })
    .from(exportPackages);
  const livePackages = new Map(
    packages.filter((row) => row.wrappedDataKey).map((row) => [row.storageKey, row.id]),
  );
  const report: ReconcileReport = {
    dryRun: options.dryRun,
    objects: 0,
    orphanObjects: [],
    youngOrphans: [],
    missingObjects: [],
    missingExportObjects: [],
    tempFilesRemoved: 0,
  };
  const seen = new Set<string>();
  for (const [prefix, liveKeys] of [
    [RECORDING_KEY_PREFIX, live],
    [EXPORT_KEY_PREFIX, livePackages],
  ] as const) {
    for await (const key of store.inner.list(prefix)) {
      report.objects++;
      seen.add(key);
      if (liveKeys.has(key)) continue;
      const age = await ageMs(store, key, now);
      if (age !== null && age < ORPHAN_MIN_AGE_MS) {
        report.youngOrphans.push(key);
        continue;
      }
      report.orphanObjects.push(key);
      if (!options.dryRun) await store.deleteObject(key);
    }
  }
  for (const [storageKey, recordingId] of live) {
    if (!seen.has(storageKey)) report.missingObjects.push({ recordingId, storageKey });
  }
  for (const [storageKey, exportPackageId] of livePackages) {
    if (!seen.has(storageKey)) report.missingExportObjects.push({ exportPackageId, storageKey });
  }
  if (!options.dryRun && store.inner instanceof FsBlobStore) {
    report.tempFilesRemoved = await store.inner.cleanupTemp();
  }
  await appendAuditEvent(db, {
    actorType: "system",
    actorLabel: options.actorLabel,
    action: "storage.reconcile",
    outcome: report.missingObjects.length + report.missingExportObjects.length > 0 ? "failure" : "success",
    occurredAt: now,
    details: {
      dryRun: options.dryRun,
      objects: report.objects,
      orphanObjects: report.orphanObjects.length,
      youngOrphans: report.youngOrphans.length,
      missingObjectRecordingIds: report.missingObjects.map((missing) => missing.recordingId),
      missingObjectExportPackageIds: report.missingExportObjects.map((missing) => missing.exportPackageId),
      tempFilesRemoved: report.tempFilesRemoved,
    },
  });
  return report;
}
