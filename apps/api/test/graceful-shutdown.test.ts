import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { get, type IncomingMessage, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { apiTokens, recordings, users } from "@kuulo/db/schema";
import { createTestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "../src/auth/api-tokens.js";
import { sessionCookieName } from "../src/auth/session-cookie.js";
import { createSession } from "../src/auth/sessions.js";
import { importRecordings } from "../src/cli/import-recordings.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import {
  createRecordingStorage,
  RECORDING_KEY_PREFIX,
} from "../src/services/recordings/recording-storage.js";
import { systemClock } from "../src/trpc/context.js";
import { makeWav } from "./fixtures/audio/audio-fixtures.js";
import { testConfig } from "./helpers/test-config.js";
import { metadataFor } from "./recordings-harness.js";

// docs/operations.md "Stopping": SIGTERM turns /readyz 503, refuses new work, lets running requests finish
// within KUULO_SHUTDOWN_GRACE_SECONDS, cuts what is left at the deadline, and exits 0. The work in flight is
// either an ingest upload whose body the test sends in two halves, or an audio stream the test stops
// reading: the server is then held on backpressure with most of the recording still unsent.
const API_DIR = join(import.meta.dirname, "..");
const MASTER_KEY = new Uint8Array(32).fill(13);
/**
 * Far more than every buffer between the store and a paused reader can hold (the response stream's 16
 * pieces of up to 1 MiB, the socket's send buffer of at most 4 MiB, the reader's receive window), so a
 * paused stream really stays in flight. The audio route sends the stored object as it is, without parsing
 * it, so the test puts random bytes of that size under an imported call instead of transcoding hours of
 * audio into a WebM that large.
 */
const STREAM_BYTES = 64 * 1024 * 1024;

let dataDir: string;
let env: Record<string, string>;
let token: string;
let openDb: () => Promise<KuuloDb>;
let closeAfterUse = false;
let closeServerDb: (() => Promise<void>) | undefined;
const longCall = { id: "", sha256: "", cookie: "" };

async function withDb<T>(run: (db: KuuloDb) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await run(db);
  } finally {
    if (closeAfterUse) await db.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuulo-shutdown-"));
  env = {
    KUULO_MODE: "demo",
    KUULO_DATA_DIR: dataDir,
    KUULO_MASTER_KEY: Buffer.from(MASTER_KEY).toString("base64"),
    PORT: "0",
    KUULO_METRICS_PORT: "0",
    KUULO_LOG_LEVEL: "warn",
    KUULO_RETENTION_INTERVAL_MINUTES: "0",
    KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "0",
  };
  if (testDatabaseUrl()) {
    const server = await createTestDb();
    env.DATABASE_URL = server.databaseUrl ?? "";
    // The server runs as a role that owns nothing and migrates as the owner, as in production.
    env.KUULO_MIGRATION_DATABASE_URL = server.ownerDatabaseUrl ?? "";
    openDb = async () => server;
    closeServerDb = () => server.close();
  } else {
    openDb = () => createDb({ dataDir: join(dataDir, "pglite") });
    closeAfterUse = true;
  }
  const generated = generateApiToken();
  token = generated.token;
  // Seeded before the first start, so the server imports no demo calls.
  await withDb(async (db) => {
    await migrateDb(db, { ownerUrl: env.KUULO_MIGRATION_DATABASE_URL });
    await seedDemoIfEmpty(db.db, testConfig(env), MASTER_KEY, new Date());
    await db.db
      .insert(apiTokens)
      .values({ name: "recording system", tokenHash: generated.tokenHash, scopes: ["recording.ingest"] });
    await importLongCall(db);
  });
});

/** A call of Mikko's imported the ordinary way, its stored object then swapped for STREAM_BYTES of data. */
async function importLongCall(db: KuuloDb): Promise<void> {
  const config = testConfig(env);
  const importDir = join(dataDir, "import");
  await mkdir(importDir, { recursive: true });
  await writeFile(join(importDir, "call.wav"), makeWav({ sampleRate: 8000, data: randomBytes(8000 * 2) }));
  await writeFile(
    join(importDir, "manifest.jsonl"),
    `${JSON.stringify({ file: "call.wav", ...metadataFor("shutdown-stream-1") })}\n`,
  );
  const storage = createRecordingStorage(config, MASTER_KEY);
  try {
    const report = await importRecordings({
      dir: importDir,
      db: db.db,
      clock: systemClock,
      storage,
      ingest: config.ingest,
      actorLabel: "cli:test",
    });
    if (report.imported !== 1) throw new Error(`import failed: ${JSON.stringify(report.refused)}`);
    const big = randomBytes(STREAM_BYTES);
    const storageKey = `${RECORDING_KEY_PREFIX}${randomUUID()}`;
    const put = await storage.store.putEncrypted(storageKey, big);
    longCall.sha256 = createHash("sha256").update(big).digest("hex");
    const [row] = await db.db
      .update(recordings)
      .set({
        storageKey,
        wrappedDataKey: put.wrappedKey,
        keyId: put.keyId,
        storedSizeBytes: put.plaintextSize,
        storedSha256: longCall.sha256,
      })
      .where(eq(recordings.sourceRecordingId, "shutdown-stream-1"))
      .returning({ id: recordings.id });
    if (!row) throw new Error("the imported call is missing");
    longCall.id = row.id;
  } finally {
    await storage.close();
  }
  const [mikko] = await db.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "mikko.korhonen"));
  if (!mikko) throw new Error("the demo seed has no mikko.korhonen");
  const session = await createSession(db.db, {
    userId: mikko.id,
    now: new Date(),
    idleSeconds: 3600,
    absoluteSeconds: 3600,
    secondFactorVerified: true,
    ip: null,
    userAgent: null,
  });
  longCall.cookie = `${sessionCookieName(config.cookieSecure)}=${session.token}`;
}

afterAll(async () => {
  await closeServerDb?.();
  await rm(dataDir, { recursive: true, force: true });
});

interface RunningApi {
  child: ChildProcess;
  base: string;
  metrics: string;
  exited: Promise<number | null>;
  /** Everything the process wrote so far. */
  output(): string;
}

async function startApi(extra: Record<string, string>): Promise<RunningApi> {
  const child = spawn(process.execPath, ["--conditions=@kuulo/source", "--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  return new Promise<RunningApi>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const base = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const metrics = /metrics: (http:\/\/\S+)/.exec(output)?.[1];
      if (base && metrics) {
        resolve({
          child,
          base: base.replace("localhost", "127.0.0.1"),
          metrics,
          exited,
          output: () => output,
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)));
  });
}

/** An ingest whose body is sent in two halves; `finish()` sends the rest and resolves with the answer. */
function slowIngest(base: string, sourceId: string) {
  const boundary = `kuulo-${randomBytes(8).toString("hex")}`;
  const audio = makeWav({ sampleRate: 8000, data: randomBytes(8000 * 2 * 2) });
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n` +
      `${JSON.stringify(metadataFor(sourceId))}\r\n--${boundary}\r\n` +
      `Content-Disposition: form-data; name="audio"; filename="call.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const half = Math.floor(audio.length / 2);
  const url = new URL("/ingest/v1/recordings", base);
  const req = request(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(head.length + audio.length + tail.length),
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    req.on("error", reject);
  });
  req.write(head);
  req.write(audio.subarray(0, half));
  return {
    sha256: createHash("sha256").update(audio).digest("hex"),
    answer,
    finish() {
      req.end(Buffer.concat([audio.subarray(half), tail]));
      return answer;
    },
  };
}

/**
 * GET the long call's audio and stop reading after the first bytes: `paused` resolves then; `resume()`
 * reads on, and `outcome` tells how the response ended and how many bytes (and which) arrived.
 */
function pausedStream(base: string) {
  const hash = createHash("sha256");
  let received = 0;
  let onFirst: () => void = () => {};
  const paused = new Promise<void>((resolve) => {
    onFirst = resolve;
  });
  let response: IncomingMessage | undefined;
  const outcome = new Promise<{ ending: string; received: number; sha256: string }>((resolve) => {
    const done = (ending: string) => resolve({ ending, received, sha256: hash.digest("hex") });
    const req = get(new URL(`/media/recordings/${longCall.id}/audio`, base), {
      headers: { cookie: longCall.cookie },
    });
    req.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    req.on("response", (res) => {
      response = res;
      if (res.statusCode !== 200) {
        res.resume();
        done(`status ${res.statusCode}`);
        onFirst();
        return;
      }
      res.on("data", (chunk: Buffer) => {
        if (received === 0) {
          res.pause();
          onFirst();
        }
        received += chunk.length;
        hash.update(chunk);
      });
      res.on("end", () => done("end"));
      res.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    });
  });
  return {
    paused,
    outcome,
    get received() {
      return received;
    },
    resume() {
      response?.resume();
      return outcome;
    },
  };
}

async function gauge(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
}

/** Polls until `probe` holds: waits on the server's state, never on a fixed time. */
async function until(probe: () => Promise<boolean>): Promise<void> {
  while (!(await probe())) await new Promise((resolve) => setImmediate(resolve));
}

describe("graceful shutdown (real process, SIGTERM)", { timeout: 180_000 }, () => {
  it("drains: /readyz 503, new work refused, the upload in flight completes, exit 0", async () => {
    const api = await startApi({ KUULO_SHUTDOWN_GRACE_SECONDS: "600" });
    const upload = slowIngest(api.base, "shutdown-drain-1");
    await until(async () => (await gauge(api.metrics, "kuulo_http_requests_in_flight")) === 1);

    api.child.kill("SIGTERM");
    await until(async () => (await fetch(`${api.base}/readyz`)).status === 503);
    const ready = await fetch(`${api.base}/readyz`);
    expect(await ready.json()).toEqual({ status: "shutting_down" });
    const refused = await fetch(`${api.base}/trpc/register.privacyNotice`);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: "UNAVAILABLE", reason: "server.shutting_down" });

    const answer = await upload.finish();
    expect(answer.status).toBe(201);
    const { id } = JSON.parse(answer.body) as { id: string };
    expect(await api.exited).toBe(0);

    const [row] = await withDb((db) =>
      db.db.select({ sha256: recordings.originalSha256 }).from(recordings).where(eq(recordings.id, id)),
    );
    expect(row?.sha256).toBe(upload.sha256);
  });

  it("cuts what is still running at the deadline and still exits 0, leaving nothing half-written", async () => {
    const api = await startApi({ KUULO_SHUTDOWN_GRACE_SECONDS: "1" });
    const upload = slowIngest(api.base, "shutdown-cut-1");
    await until(async () => (await gauge(api.metrics, "kuulo_http_requests_in_flight")) === 1);
    const outcome = upload.answer.then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(await outcome).toMatch(/^(ECONNRESET|EPIPE)$/);
    const rows = await withDb((db) =>
      db.db
        .select({ id: recordings.id })
        .from(recordings)
        .where(eq(recordings.sourceRecordingId, "shutdown-cut-1")),
    );
    expect(rows).toEqual([]);
  });

  it("drains an audio stream held on backpressure: refuses new work, the stream completes, exit 0", async () => {
    const api = await startApi({ KUULO_SHUTDOWN_GRACE_SECONDS: "600" });
    const stream = pausedStream(api.base);
    await stream.paused;
    expect(stream.received).toBeGreaterThan(0);
    expect(await gauge(api.metrics, "kuulo_audio_streams_in_flight")).toBe(1);

    api.child.kill("SIGTERM");
    await until(async () => (await fetch(`${api.base}/readyz`)).status === 503);
    const refused = await fetch(`${api.base}/media/recordings/${longCall.id}/audio`, {
      headers: { cookie: longCall.cookie },
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: "UNAVAILABLE", reason: "server.shutting_down" });

    // Still draining: the stream is in flight with most of the recording unsent, and the process waits for it.
    expect(await gauge(api.metrics, "kuulo_audio_streams_in_flight")).toBe(1);
    expect(await gauge(api.metrics, "kuulo_audio_bytes_served_total")).toBeLessThan(STREAM_BYTES);
    expect(api.child.exitCode).toBeNull();

    const outcome = await stream.resume();
    expect(outcome).toEqual({ ending: "end", received: STREAM_BYTES, sha256: longCall.sha256 });
    expect(await api.exited).toBe(0);
  });

  it("cuts an audio stream still held at the deadline and exits 0", async () => {
    const api = await startApi({ KUULO_SHUTDOWN_GRACE_SECONDS: "1" });
    const stream = pausedStream(api.base);
    await stream.paused;
    expect(await gauge(api.metrics, "kuulo_audio_streams_in_flight")).toBe(1);

    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain("shutdown deadline reached; cutting");
    const outcome = await stream.resume();
    expect(outcome.ending).not.toBe("end");
    expect(outcome.received).toBeLessThan(STREAM_BYTES);
  });
});
