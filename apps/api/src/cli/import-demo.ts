import { resolve } from "node:path";
import type { Database } from "@kuulo/db/client";
import { type Config, PACKAGE_ROOT } from "../env.js";
import { createRecordingStorage } from "../services/recordings/recording-storage.js";
import { systemClock } from "../trpc/context.js";
import { formatImportReport, importRecordings } from "./import-recordings.js";

export const DEMO_DATA_DIR = resolve(PACKAGE_ROOT, "demo-data");

/**
 * First demo start: the twelve synthesised calls in apps/api/demo-data go through the ordinary import
 * (same rules, audited as the system), with one progress line per call in the start log.
 */
export async function importDemoRecordings(
  db: Database,
  config: Config,
  masterKey: Uint8Array,
  log: (line: string) => void = (line) => console.log(line),
): Promise<number> {
  const storage = createRecordingStorage(config, masterKey);
  try {
    log("Importing the demo recordings (first start)…");
    const report = await importRecordings({
      dir: DEMO_DATA_DIR,
      db,
      clock: systemClock,
      storage,
      ingest: config.ingest,
      actorLabel: "demo-start",
      progress: {
        start: () => {},
        update: (done, counts) =>
          log(`  demo recordings ${done}: ${counts.imported} imported, ${counts.refused} refused`),
        stop: () => {},
      },
    });
    for (const line of formatImportReport(report)) log(`  ${line}`);
    return report.imported;
  } finally {
    await storage.close();
  }
}
