import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiTokens, recordings } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { generateApiToken } from "../src/auth/api-tokens.js";
import {
  createRecordingStorage,
  type RecordingStorage,
} from "../src/services/recordings/recording-storage.js";
import { createTestApp, MASTER_KEY, type TestApp } from "./helpers/test-app.js";

export const DEMO_DATA = new URL("../demo-data/", import.meta.url);
export const readDemo = async (name: string) => new Uint8Array(await readFile(new URL(name, DEMO_DATA)));

/** A test app listening on a real port, with its own data directory (objects, temp files). */
export interface RecordingsTestApp {
  t: TestApp;
  base: string;
  dataDir: string;
  objectsDir: string;
  /** A second handle on the same encrypted store, to read back what the server wrote. */
  storage: RecordingStorage;
  close(): Promise<void>;
}

export async function startRecordingsApp(env: Record<string, string> = {}): Promise<RecordingsTestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "kuulo-rec-test-"));
  const t = await createTestApp({ env: { KUULO_DATA_DIR: dataDir, ...env } });
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const storage = createRecordingStorage(t.config, MASTER_KEY);
  return {
    t,
    base: address,
    dataDir,
    objectsDir: t.config.storage.fsRoot,
    storage,
    async close() {
      await storage.close();
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createToken(t: TestApp, scopes: string[] = ["recording.ingest"]) {
  const { token, tokenHash } = generateApiToken();
  const [row] = await t.db
    .insert(apiTokens)
    .values({ name: "recording system", tokenHash, scopes })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error("token insert failed");
  return { token, id: row.id };
}

export function metadataFor(sourceRecordingId: string, overrides: Record<string, unknown> = {}) {
  return {
    sourceRecordingId,
    firstName: "Mikko",
    lastName: "Korhonen",
    username: "mikko.korhonen",
    phoneNumber: "+358401234502",
    callStartedAt: "2026-10-07T10:02:00+03:00",
    unitCode: "HKI-ASPA",
    ...overrides,
  };
}

export async function postIngest(
  app: RecordingsTestApp,
  token: string | null,
  metadata: unknown,
  audio: Uint8Array | null,
  extraParts: Record<string, string> = {},
) {
  const form = new FormData();
  if (metadata !== undefined) form.append("metadata", JSON.stringify(metadata));
  for (const [name, value] of Object.entries(extraParts)) form.append(name, value);
  if (audio) form.append("audio", new Blob([audio]), "upload.bin");
  const response = await fetch(`${app.base}/ingest/v1/recordings`, {
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Every stored object file (temporary files excluded), so "nothing left behind" can be checked. */
export async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(path);
    }
  };
  await walk(dir);
  return found.sort();
}

export async function recordingCount(t: TestApp) {
  return (await t.db.select({ id: recordings.id }).from(recordings)).length;
}

export async function recordingRow(t: TestApp, id: string) {
  const [row] = await t.db.select().from(recordings).where(eq(recordings.id, id));
  if (!row) throw new Error(`no recording ${id}`);
  return row;
}
