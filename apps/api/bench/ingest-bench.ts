import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import type { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KuuloDb } from "@kuulo/db/client";
import { sql } from "drizzle-orm";
import type { BenchApp } from "./bench-app.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";
import { type Bounds, measureThroughput, round } from "./measure.js";

export interface DemoFile {
  file: string;
  path: string;
  bytes: Buffer;
  metadata: Record<string, unknown>;
}

export interface IngestedRecording {
  id: string;
  unitCode: string;
  durationMs: number;
}

export interface IngestResult {
  files: number;
  recordingsIngested: number;
  callMinutes: number;
  wallSeconds: number;
  /** Call-minutes ingested per wall-clock minute. */
  callMinutesPerMinute: number;
  copy: { files: number; wallSeconds: number; callMinutesPerMinute: number };
  ratio: number;
  ingested: IngestedRecording[];
}

export async function loadDemoFiles(demoDir: string): Promise<DemoFile[]> {
  const manifest = (await readFile(join(demoDir, "manifest.jsonl"), "utf8")).split("\n").filter(Boolean);
  const files: DemoFile[] = [];
  for (const line of manifest) {
    const { file, ...metadata } = JSON.parse(line) as { file: string } & Record<string, unknown>;
    const path = join(demoDir, file);
    files.push({ file, path, bytes: await readFile(path), metadata });
  }
  return files;
}

function multipart(metadata: Record<string, unknown>, file: DemoFile): { body: Buffer; contentType: string } {
  const boundary = `----kuulo-bench-${randomBytes(8).toString("hex")}`;
  const head = (disposition: string, type: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: ${type}\r\n\r\n`,
    );
  const body = Buffer.concat([
    head('name="metadata"', "application/json"),
    Buffer.from(JSON.stringify(metadata)),
    Buffer.from("\r\n"),
    head(`name="audio"; filename="${file.file}"`, "application/octet-stream"),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Whether the ingest route is mounted (an unauthenticated POST gets 401, not 404). */
export async function ingestRouteExists(bench: BenchApp): Promise<boolean> {
  const agent = keepAliveAgent(1);
  try {
    const response = await httpRequest(agent, `${bench.baseUrl}/ingest/v1/recordings`, { method: "POST" });
    return response.status !== 404;
  } finally {
    agent.destroy();
  }
}

/** One POST /ingest/v1/recordings; throws unless the recording was created (201). */
export async function ingestOne(
  agent: Agent,
  bench: Pick<BenchApp, "baseUrl" | "ingestToken">,
  file: DemoFile,
  metadata: Record<string, unknown>,
): Promise<IngestedRecording> {
  const { body, contentType } = multipart(metadata, file);
  const response = await httpRequest(agent, `${bench.baseUrl}/ingest/v1/recordings`, {
    method: "POST",
    headers: { authorization: `Bearer ${bench.ingestToken}`, "content-type": contentType },
    body,
  });
  if (response.status !== 201)
    throw new Error(`ingest of ${file.file} → ${response.status} ${response.body}`);
  const result = JSON.parse(response.body.toString()) as { id: string; durationMs: number };
  return { id: result.id, unitCode: String(metadata.unitCode), durationMs: result.durationMs };
}

/**
 * Ingest through POST /ingest/v1/recordings (sniff, decode, peaks, Opus transcode, encrypt, store, row,
 * audit) with as many requests in flight as audio workers, against fs.copyFile of the same files. One
 * unmeasured ingest first starts the worker threads (WASM compilation is not per-recording work).
 */
export async function runIngestBench(
  bench: BenchApp,
  files: DemoFile[],
  bounds: Bounds,
  concurrency: number,
): Promise<IngestResult> {
  const agent = keepAliveAgent(concurrency);
  const warmFile = files[0] as DemoFile;
  await ingestOne(agent, bench, warmFile, { ...warmFile.metadata, sourceRecordingId: "bench-warm-up" });
  const ingested: IngestedRecording[] = [];
  let durationMs = 0;
  const api = await measureThroughput(bounds, concurrency, async (iteration) => {
    const file = files[iteration % files.length] as DemoFile;
    const round = Math.floor(iteration / files.length);
    const id = `${String(file.metadata.sourceRecordingId)}.bench-${round}`;
    const recording = await ingestOne(agent, bench, file, { ...file.metadata, sourceRecordingId: id });
    durationMs += recording.durationMs;
    ingested.push(recording);
    return 1;
  });
  agent.destroy();

  const copyDir = await mkdtemp(join(tmpdir(), "kuulo-bench-copy-"));
  try {
    const copy = await measureThroughput(
      { maxIterations: api.calls, maxMs: bounds.maxMs },
      concurrency,
      async (i) => {
        const file = files[i % files.length] as DemoFile;
        await copyFile(file.path, join(copyDir, `${i}-${file.file}`));
        return 1;
      },
    );
    const callMinutes = durationMs / 60_000;
    // The copy moved the same files, so it moved the same call-minutes if it finished the same count.
    const copyMinutes = (callMinutes * copy.calls) / Math.max(1, api.calls);
    const apiRate = callMinutes / (api.seconds / 60);
    const copyRate = copyMinutes / (copy.seconds / 60);
    return {
      files: files.length,
      recordingsIngested: api.calls,
      callMinutes: round(callMinutes, 2),
      wallSeconds: round(api.seconds, 2),
      callMinutesPerMinute: round(apiRate, 1),
      copy: {
        files: copy.calls,
        wallSeconds: round(copy.seconds, 4),
        callMinutesPerMinute: round(copyRate, 0),
      },
      ratio: round(copyRate / apiRate, 1),
      ingested,
    };
  } finally {
    await rm(copyDir, { recursive: true, force: true });
  }
}

export interface StoredBytesRow {
  originalFormat: string;
  recordings: number;
  callMinutes: number;
  originalBytesPerCallMinute: number;
  storedBytesPerCallMinute: number;
  /** Stored (WebM/Opus) / original. */
  ratio: number;
}

/** Bytes per call-minute of what ingest stored (WebM/Opus) against the originals, per original format. */
export async function storedBytesPerCallMinute(
  kuuloDb: KuuloDb,
  sourceSystem: string,
  objectsDir: string,
): Promise<{ byFormat: StoredBytesRow[]; encryptedOnDiskBytesPerCallMinute: number | null }> {
  const result = await kuuloDb.db.execute(sql`
    select original_format as format, count(*)::int as n, sum(duration_ms)::float8 as ms,
      sum(original_size_bytes)::float8 as original, sum(stored_size_bytes)::float8 as stored
    from recordings where source_system_id = ${sourceSystem} group by 1 order by 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    format: string;
    n: number;
    ms: number;
    original: number;
    stored: number;
  }[];
  const byFormat = rows.map((row) => {
    const minutes = row.ms / 60_000;
    return {
      originalFormat: row.format,
      recordings: row.n,
      callMinutes: round(minutes, 2),
      originalBytesPerCallMinute: Math.round(row.original / minutes),
      storedBytesPerCallMinute: Math.round(row.stored / minutes),
      ratio: round(row.stored / row.original, 3),
    };
  });
  const totalMinutes = rows.reduce((sum, row) => sum + row.ms / 60_000, 0);
  const onDisk = await directoryBytes(objectsDir);
  return {
    byFormat,
    encryptedOnDiskBytesPerCallMinute:
      onDisk !== null && totalMinutes > 0 ? Math.round(onDisk / totalMinutes) : null,
  };
}

async function directoryBytes(dir: string): Promise<number | null> {
  try {
    let total = 0;
    for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
    }
    return total;
  } catch {
    return null;
  }
}
