import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { type AudioBenchResult, audioSummaryLines } from "./audio-bench.js";
import type { AuditAppendResult } from "./audit-append-bench.js";
import type { FirstAudioFrameResult } from "./first-audio-frame.js";
import type { IngestResult, StoredBytesRow } from "./ingest-bench.js";
import type { LatencyStats } from "./measure.js";
import type { QualityReportResult } from "./quality-report-bench.js";
import type { SearchShapeResult } from "./search-bench.js";
import type { SessionCheckResult } from "./session-check-bench.js";
import type { SpaSize } from "./spa-size.js";
import type { StreamResult } from "./stream-bench.js";

export interface SearchRun {
  database: string;
  recordings: number;
  trainerUnitRecordings: number;
  insertSeconds: number;
  shapes: SearchShapeResult[];
  sessionBaseline: LatencyStats;
  sessionCheck?: SessionCheckResult;
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    platform: string;
    /** 1/5/15-minute load averages: other work on the machine inflates every number. */
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
  };
  search: SearchRun[];
  streaming: (StreamResult & { set: string })[] | { skipped: string };
  ingest: Omit<IngestResult, "ingested"> | { skipped: string };
  storedBytes:
    | { byFormat: StoredBytesRow[]; encryptedOnDiskBytesPerCallMinute: number | null }
    | { skipped: string };
  spaInitialJs: SpaSize[];
  timeToFirstAudioFrame: FirstAudioFrameResult;
  /** Stored form (bytes, speech quality) and `kuulo import` memory for a long call. */
  audio?: AudioBenchResult;
  auditAppends?: AuditAppendResult | { skipped: string };
  /** quality.reports.unit through the API against the same statements, on PostgreSQL. */
  qualityReport?: QualityReportResult | { skipped: string };
  notes: string[];
}

export function machine(): BenchResults["machine"] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/**
 * bench-results/latest.json is the committed record of a whole run, so a run of some parts only
 * (KUULO_BENCH_PARTS) writes bench-results/partial-<parts>.json beside it instead of replacing it.
 */
export async function writeResults(
  repoRoot: string,
  results: BenchResults,
  parts: { only?: string[] } = {},
): Promise<string> {
  const dir = join(repoRoot, "bench-results");
  await mkdir(dir, { recursive: true });
  const file = join(dir, parts.only ? `partial-${[...parts.only].sort().join("-")}.json` : "latest.json");
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

const fmt = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? "n/a" : value.toFixed(digits);

/** The summary table printed at the end of `pnpm bench`. */
export function summaryTable(results: BenchResults): string {
  const lines: string[] = [];
  lines.push("", "=== Kuulo benchmark summary ===", "");
  for (const run of results.search) {
    lines.push(
      `Search (${run.database}, ${run.recordings.toLocaleString("en")} recordings, trainer's unit ${run.trainerUnitRecordings.toLocaleString("en")}):`,
    );
    lines.push(
      `  ${"shape".padEnd(34)} ${"API p50".padStart(9)} ${"API p95".padStart(9)} ${"SQL p50".padStart(9)} ${"SQL p95".padStart(9)}  ratio p50`,
    );
    for (const shape of run.shapes) {
      lines.push(
        `  ${shape.shape.padEnd(34)} ${fmt(shape.api.p50Ms).padStart(9)} ${fmt(shape.api.p95Ms).padStart(9)} ${fmt(shape.sql.p50Ms).padStart(9)} ${fmt(shape.sql.p95Ms).padStart(9)}  ×${fmt(shape.ratioP50, 1)}`,
      );
    }
    lines.push(
      `  ${"auth.me (session only, API)".padEnd(34)} ${fmt(run.sessionBaseline.p50Ms).padStart(9)} ${fmt(run.sessionBaseline.p95Ms).padStart(9)}`,
      ...(run.sessionCheck
        ? [
            `  ${"session check, cached (in-process)".padEnd(34)} ${fmt(run.sessionCheck.cached.p50Ms).padStart(9)} ${fmt(run.sessionCheck.cached.p95Ms).padStart(9)}`,
            `  ${"session check, read afresh".padEnd(34)} ${fmt(run.sessionCheck.fresh.p50Ms).padStart(9)} ${fmt(run.sessionCheck.fresh.p95Ms).padStart(9)}`,
          ]
        : []),
      "",
    );
  }
  const audit = results.auditAppends;
  if (audit && "skipped" in audit) lines.push(`Audit appends: ${audit.skipped}`, "");
  else if (audit) {
    lines.push("Audit appends/s (PostgreSQL; each instance its own process and pool):");
    for (const run of audit.runs) {
      lines.push(
        `  ${(run.mode === "free" ? "no chain lock + sequencer" : "global advisory lock (before)").padEnd(30)} ${run.instances} instance(s) × ${run.concurrencyPerInstance} in flight: ${String(run.appendsPerSecond).padStart(6)}/s`,
      );
    }
    for (const row of audit.scaling ?? [])
      lines.push(
        `  3 vs 1 instances, ${row.concurrencyPerInstance} in flight each: ×${fmt(row.free)} without the lock, ×${fmt(row.locked)} with it`,
      );
    lines.push(
      `  merge delay p50 ${audit.sequencer.mergeDelayP50Ms} ms, p99 ${audit.sequencer.mergeDelayP99Ms} ms, max ${audit.sequencer.mergeDelayMaxMs} ms; chain ${audit.sequencer.verified ? "verifies" : "BROKEN"}`,
      "",
    );
  }
  if ("skipped" in results.streaming) lines.push(`Streaming: ${results.streaming.skipped}`, "");
  else {
    for (const s of results.streaming) {
      lines.push(
        `Streaming, ${s.set} (${s.files} files, mean ${Math.round(s.meanFileBytes / 1024)} KiB stored, ${s.concurrency} in flight):`,
        `  one 64 KiB range at a time: API p50 ${fmt(s.rangeLatency.api.p50Ms)} ms p95 ${fmt(s.rangeLatency.api.p95Ms)} ms | nginx p50 ${fmt(s.rangeLatency.nginx?.p50Ms)} ms p95 ${fmt(s.rangeLatency.nginx?.p95Ms)} ms`,
      );
      for (const [name, pair] of [
        ["64 KiB ranges", s.smallRanges],
        ["whole files", s.wholeFiles],
        ["64 KiB ranges, every byte decrypted", s.everyByteDecrypted?.smallRanges],
        ["whole files, every byte decrypted", s.everyByteDecrypted?.wholeFiles],
      ] as const) {
        if (!pair) continue;
        lines.push(
          `  ${name.padEnd(35)} API ${fmt(pair.api.mebibytesPerSecond)} MiB/s (${fmt(pair.api.requestsPerSecond, 0)} req/s) | nginx ${fmt(pair.nginx?.mebibytesPerSecond)} MiB/s (${fmt(pair.nginx?.requestsPerSecond, 0)} req/s) | nginx/API ×${fmt(pair.ratio, 1)}`,
        );
      }
      lines.push("");
    }
  }
  if ("skipped" in results.ingest) lines.push(`Ingest: ${results.ingest.skipped}`, "");
  else {
    const i = results.ingest;
    lines.push(
      `Ingest: ${i.recordingsIngested} recordings, ${fmt(i.callMinutes)} call-min in ${fmt(i.wallSeconds)} s = ${fmt(i.callMinutesPerMinute, 1)} call-min/min | copyFile ${fmt(i.copy.callMinutesPerMinute, 0)} call-min/min | copy/ingest ×${fmt(i.ratio, 0)}`,
      "",
    );
  }
  if ("skipped" in results.storedBytes) lines.push(`Stored bytes: ${results.storedBytes.skipped}`, "");
  else {
    lines.push("Stored bytes per call-minute (original → stored WebM/Opus):");
    for (const row of results.storedBytes.byFormat) {
      lines.push(
        `  ${row.originalFormat.padEnd(14)} ${String(row.originalBytesPerCallMinute).padStart(9)} → ${String(row.storedBytesPerCallMinute).padStart(7)} B/min  (×${fmt(row.ratio, 3)}, ${row.recordings} recordings)`,
      );
    }
    lines.push(
      `  encrypted objects on disk: ${results.storedBytes.encryptedOnDiskBytesPerCallMinute ?? "n/a"} B/call-min`,
      "",
    );
  }
  if (results.audio) lines.push(...audioSummaryLines(results.audio), "");
  lines.push(
    `Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, load average at start ${results.machine.loadAverageAtStart.join(" / ")}, at end ${results.machine.loadAverageAtEnd?.join(" / ") ?? "n/a"}`,
    "",
  );
  lines.push(
    "Initial JavaScript of a first visit in Finnish (entry + static imports + catalogues, gzip -9):",
  );
  for (const spa of results.spaInitialJs) {
    lines.push(
      `  ${spa.app.padEnd(10)} ${spa.gzipKiB === null ? (spa.note ?? "n/a") : `${spa.gzipKiB} KiB gzipped (${spa.rawKiB} KiB raw, ${spa.files.length} files)${spa.note ? `; ${spa.note}` : ""}`}`,
    );
  }
  const frame = results.timeToFirstAudioFrame;
  lines.push(
    "",
    `Time to first audio frame (navigation → playing, Chromium): ${frame.medianMs === null ? "n/a" : `median ${frame.medianMs} ms of [${frame.runs.join(", ")}]`}${frame.skipped ? ` (${frame.skipped})` : ""}`,
  );
  for (const note of results.notes) lines.push(`Note: ${note}`);
  return lines.join("\n");
}
