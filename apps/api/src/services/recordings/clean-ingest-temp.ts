import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

/** Anything an ingest left this long ago belongs to a process that crashed mid-request. */
export const STALE_INGEST_TEMP_MS = 60 * 60 * 1000;

export const ingestTempRoot = (dataDir: string) => join(dataDir, "tmp");

/**
 * Removes ingest temp directories (plaintext originals) that a crash left behind, so an unencrypted copy
 * never outlives its request for long. Returns how many were removed.
 */
export async function cleanStaleIngestTemp(dataDir: string, now: Date): Promise<number> {
  const root = ingestTempRoot(dataDir);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith("ingest-")) continue;
    const path = join(root, entry.name);
    const info = await stat(path).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < STALE_INGEST_TEMP_MS) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
