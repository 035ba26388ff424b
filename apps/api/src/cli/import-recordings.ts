import type { Database } from "@kuulo/db/client";
import { isDomainError } from "@kuulo/domain/errors";
import type { IngestConfig } from "../env.js";
import { ingestRecording } from "../services/recordings/ingest.js";
import type { RecordingStorage } from "../services/recordings/recording-storage.js";
import type { Clock } from "../trpc/context.js";
import { type ManifestItem, readManifest } from "./import-manifest.js";

export interface ImportRefusal {
  line: number;
  file: string | null;
  sourceRecordingId: string | null;
  reason: string;
}

export interface ImportReport {
  manifest: string;
  total: number;
  imported: number;
  skipped: number;
  refused: ImportRefusal[];
}

export interface ImportProgress {
  start(total: number): void;
  update(done: number, counts: { imported: number; skipped: number; refused: number }): void;
  /** Within one long file: `fraction` (0–1) of item `done + 1`, named `file`, is processed. */
  within?(done: number, fraction: number, file: string): void;
  stop(): void;
}

export interface ImportOptions {
  dir: string;
  db: Database;
  clock: Clock;
  storage: RecordingStorage;
  ingest: IngestConfig;
  /** Who ran it, for the audit log (e.g. "cli:root", "demo-start"). */
  actorLabel: string;
  progress?: ImportProgress;
}

function reasonOf(error: unknown): string {
  if (isDomainError(error)) {
    const where = [error.field ? `field ${error.field}` : null, error.rule ?? null]
      .filter(Boolean)
      .join(", ");
    return `${error.code}: ${error.message}${where ? ` (${where})` : ""}`;
  }
  if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return "audio file not found";
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

const sourceIdOf = (item: ManifestItem) =>
  typeof item.metadata?.sourceRecordingId === "string" ? item.metadata.sourceRecordingId : null;

/**
 * The operator's bulk import (R5): every manifest line goes through the same ingest service as the HTTP
 * door, as the system actor with recording.import. Resumable: an item already imported with the same
 * content is skipped; every refusal is reported with its reason.
 */
export async function importRecordings(options: ImportOptions): Promise<ImportReport> {
  const { name, items } = await readManifest(options.dir);
  const report: ImportReport = { manifest: name, total: items.length, imported: 0, skipped: 0, refused: [] };
  options.progress?.start(items.length);
  let done = 0;
  for (const item of items) {
    try {
      if (item.problem || !item.path) throw new Error(item.problem ?? "no audio file");
      const result = await ingestRecording({
        ctx: {
          db: options.db,
          clock: options.clock,
          storage: options.storage,
          ingest: options.ingest,
          actor: { kind: "system", job: "import" },
          actorLabel: options.actorLabel,
          ip: null,
        },
        input: {
          metadata: item.metadata,
          audioPath: item.path,
          onProgress: (fraction) => options.progress?.within?.(done, fraction, item.file ?? item.path ?? ""),
        },
      });
      if (result.outcome === "created") report.imported++;
      else report.skipped++;
    } catch (error) {
      const reason = item.problem ?? reasonOf(error);
      report.refused.push({ line: item.line, file: item.file, sourceRecordingId: sourceIdOf(item), reason });
    }
    done++;
    options.progress?.update(done, {
      imported: report.imported,
      skipped: report.skipped,
      refused: report.refused.length,
    });
  }
  options.progress?.stop();
  return report;
}

export function formatImportReport(report: ImportReport): string[] {
  const lines = [
    `${report.manifest}: ${report.total} item(s): ${report.imported} imported, ${report.skipped} already imported (skipped), ${report.refused.length} refused`,
  ];
  for (const refusal of report.refused) {
    lines.push(
      `  refused line ${refusal.line}${refusal.file ? ` ${refusal.file}` : ""}${refusal.sourceRecordingId ? ` [${refusal.sourceRecordingId}]` : ""}: ${refusal.reason}`,
    );
  }
  return lines;
}
