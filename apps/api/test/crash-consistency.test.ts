import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { linkPendingAuditEvents, verifyAuditChain } from "@kuulo/db/audit";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { apiTokens, recordings } from "@kuulo/db/schema";
import { createTestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "../src/auth/api-tokens.js";
import { reconcileStorage } from "../src/cli/storage-reconcile.js";
import { scrubStorage } from "../src/cli/storage-scrub.js";
import type { Config } from "../src/env.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { createRecordingStorage } from "../src/services/recordings/recording-storage.js";
import { makeWav } from "./fixtures/audio/audio-fixtures.js";
import { ManualClock } from "./helpers/manual-clock.js";
import { testConfig } from "./helpers/test-config.js";
import { metadataFor } from "./recordings-harness.js";

// security.md "Test designs": kill the real API (SIGKILL, no shutdown hooks) while ingests are in flight,
// restart it on the same data, reconcile, and check nothing acknowledged was lost and nothing was left.
const API_DIR = join(import.meta.dirname, "..");
const MASTER_KEY = new Uint8Array(32).fill(11);
const KILL_ROUNDS = 3;
const INGESTS_PER_ROUND = 6;

let dataDir: string;
let env: Record<string, string>;
let config: Config;
let openDb: () => Promise<KuuloDb>;
let closeAfterUse: boolean;
let closeServerDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuulo-crash-"));
  env = {
    KUULO_MODE: "demo",
    KUULO_DATA_DIR: dataDir,
    KUULO_MASTER_KEY: Buffer.from(MASTER_KEY).toString("base64"),
    PORT: "0",
    KUULO_LOG_LEVEL: "warn",
    KUULO_RETENTION_INTERVAL_MINUTES: "0",
    KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "0",
  };
  if (testDatabaseUrl()) {
    const server = await createTestDb();
    env.DATABASE_URL = server.databaseUrl ?? "";
    env.KUULO_MIGRATION_DATABASE_URL = server.ownerDatabaseUrl ?? "";
    openDb = async () => server;
    closeAfterUse = false;
    closeServerDb = () => server.close();
  } else {
    openDb = () => createDb({ dataDir: join(dataDir, "pglite") });
    closeAfterUse = true;
  }
  config = testConfig(env);
  // The organisation and its people exist before the first start, so main.ts imports no demo calls.
  await withDb(async (db) => {
    await migrateDb(db, { ownerUrl: env.KUULO_MIGRATION_DATABASE_URL });
    await seedDemoIfEmpty(db.db, config, MASTER_KEY, new Date());
  });
});

afterAll(async () => {
  await closeServerDb?.();
  await rm(dataDir, { recursive: true, force: true });
});

async function withDb<T>(run: (db: KuuloDb) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await run(db);
  } finally {
    if (closeAfterUse) await db.close();
  }
}

interface RunningApi {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

/** `node --import tsx src/main.ts` in its own process group, so SIGKILL takes its workers with it. */
async function startApi(): Promise<RunningApi> {
  const child = spawn(process.execPath, ["--conditions=@kuulo/source", "--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => reject(new Error(`the API exited (${code}) before listening:\n${output}`)));
  });
  return { child, base, exited };
}

async function killHard(api: RunningApi): Promise<void> {
  if (api.child.pid) process.kill(-api.child.pid, "SIGKILL");
  await api.exited;
}

async function ingest(base: string, token: string, sourceId: string, audio: Uint8Array) {
  const form = new FormData();
  form.append("metadata", JSON.stringify(metadataFor(sourceId)));
  form.append("audio", new Blob([audio]), "upload.bin");
  const response = await fetch(`${base}/ingest/v1/recordings`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await response.json()) as { id?: string; sha256?: string };
  return { status: response.status, body };
}

const noiseWav = () => makeWav({ sampleRate: 8000, data: randomBytes(8000 * 2) });
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("crash consistency of ingest", { timeout: 120_000 }, () => {
  it("keeps every acknowledged upload and leaves no orphan after SIGKILL, restart and reconcile", async () => {
    const { token, tokenHash } = generateApiToken();
    await withDb(async (db) => {
      await db.db
        .insert(apiTokens)
        .values({ name: "recording system", tokenHash, scopes: ["recording.ingest"] });
    });
    const acknowledged = new Map<string, { id: string; sha256: string }>();
    const seed = randomBytes(4).readUInt32BE(0);
    let state = seed;
    const random = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };

    for (let round = 0; round < KILL_ROUNDS; round++) {
      const api = await startApi();
      // Kill once a random number (1..N-2) of this round's uploads were acknowledged, plus a random
      // delay, so the process dies with others mid-way (parsing, transcoding, writing, committing).
      const killAfter = 1 + Math.floor(random() * (INGESTS_PER_ROUND - 2));
      let acked = 0;
      let reachedTarget: () => void = () => {};
      const targetReached = new Promise<void>((resolve) => {
        reachedTarget = resolve;
      });
      const uploads = Array.from({ length: INGESTS_PER_ROUND }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 250));
        const sourceId = `crash-${round}-${index}`;
        const audio = noiseWav();
        try {
          const response = await ingest(api.base, token, sourceId, audio);
          if (response.status === 201 || response.status === 200) {
            expect(response.body.sha256).toBe(sha256(audio));
            acknowledged.set(sourceId, { id: response.body.id ?? "", sha256: sha256(audio) });
            acked += 1;
            if (acked >= killAfter) reachedTarget();
          }
        } catch {
          // The connection died with the process: not acknowledged.
        }
      });
      await Promise.race([targetReached, Promise.all(uploads)]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)));
      await killHard(api);
      await Promise.all(uploads);
    }

    // The restarted API still works on the same data.
    const api = await startApi();
    const last = noiseWav();
    const after = await ingest(api.base, token, "crash-after", last);
    expect(after.status, `seed ${seed}`).toBe(201);
    acknowledged.set("crash-after", { id: after.body.id ?? "", sha256: sha256(last) });
    api.child.kill("SIGTERM");
    await api.exited;

    await withDb(async (db) => {
      const storage = createRecordingStorage(config, MASTER_KEY);
      try {
        // Past the reconcile's grace period for objects of in-flight ingests.
        const clock = new ManualClock(new Date(Date.now() + 2 * 60 * 60 * 1000));
        const common = { db: db.db, store: storage.store, clock, actorLabel: "test" };
        const first = await reconcileStorage({ ...common, dryRun: false });
        expect(first.missingObjects, `seed ${seed}`).toEqual([]);
        const second = await reconcileStorage({ ...common, dryRun: true });
        expect(second.orphanObjects).toEqual([]);
        expect(second.youngOrphans).toEqual([]);

        const rows = await db.db.select().from(recordings);
        const bySource = new Map(rows.map((row) => [row.sourceRecordingId, row]));
        for (const [sourceId, ack] of acknowledged) {
          const row = bySource.get(sourceId);
          expect(row?.id, `${sourceId} (seed ${seed})`).toBe(ack.id);
          expect(row?.originalSha256).toBe(ack.sha256);
        }
        expect(second.objects).toBe(rows.length);
        const scrub = await scrubStorage(common);
        expect(scrub.failures, `seed ${seed}`).toEqual([]);
        expect(scrub.checked).toBe(rows.length);
        // What the CLI does after reconcile and scrub: link the rows it wrote (no API instance is up).
        while ((await linkPendingAuditEvents(db.db)).linked > 0);
        expect((await verifyAuditChain(db.db)).ok).toBe(true);
      } finally {
        await storage.close();
      }
    });
  });
});
