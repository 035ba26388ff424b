import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { auditEvents, recordings, staffMembers, units } from "@kuulo/db/schema";
import { createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/env.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { storeOf } from "../src/services/retention/store-of.js";
import { fakeWebm } from "./disclosures-harness.js";
import { TEST_PASSWORD_HASH } from "./helpers/test-config.js";

const API_DIR = join(import.meta.dirname, "..");
const MASTER_KEY = Buffer.alloc(32, 5);

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@kuulo/source", "--import", "tsx", "src/cli/main.ts", ...args],
      {
        cwd: API_DIR,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe("pnpm cli retention run [--dry-run] (R13)", () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: TestDb | undefined;
  let open: () => Promise<KuuloDb>;
  let release: (db: KuuloDb) => Promise<void>;
  let recordingId: string;
  let storageKey: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kuulo-retention-cli-"));
    env = { KUULO_MODE: "demo", KUULO_DATA_DIR: dataDir, KUULO_MASTER_KEY: MASTER_KEY.toString("base64") };
    if (testDatabaseUrl()) {
      server = await createTestDb();
      env.DATABASE_URL = server.databaseUrl ?? "";
      env.KUULO_MIGRATION_DATABASE_URL = server.ownerDatabaseUrl ?? "";
      open = async () => server as TestDb;
      release = async () => {};
    } else {
      open = () => createDb({ dataDir: join(dataDir, "pglite") });
      // PGlite: one process per data directory, so the test closes it before the CLI runs.
      release = (db) => db.close();
    }
    const config = { ...loadConfig(env), passwordHash: TEST_PASSWORD_HASH };
    const kuuloDb = await open();
    await migrateDb(kuuloDb, { ownerUrl: env.KUULO_MIGRATION_DATABASE_URL });
    await seedDemoIfEmpty(kuuloDb.db, config, MASTER_KEY);
    const [unit] = await kuuloDb.db.select().from(units).where(eq(units.code, "HKI-ASPA"));
    const [staff] = await kuuloDb.db
      .insert(staffMembers)
      .values({
        firstName: "Vanha",
        lastName: "Puhelu",
        username: `vanha.${Date.now()}`,
        unitId: unit?.id ?? null,
      })
      .returning({ id: staffMembers.id });
    const store = storeOf({ config, masterKey: MASTER_KEY });
    storageKey = `rec/${randomUUID()}`;
    const audio = fakeWebm();
    const put = await store.putEncrypted(storageKey, audio);
    const callStartedAt = new Date(Date.now() - 400 * 86_400_000);
    const [row] = await kuuloDb.db
      .insert(recordings)
      .values({
        sourceSystemId: "recorder",
        sourceRecordingId: storageKey,
        staffMemberId: staff?.id ?? "",
        unitId: unit?.id ?? "",
        callStartedAt,
        durationMs: 1000,
        originalFormat: "wav-pcm16",
        originalSha256: "a".repeat(64),
        originalSizeBytes: 10,
        storedFormat: "webm-opus",
        storedSizeBytes: audio.length,
        storedSha256: "b".repeat(64),
        storageKey,
        wrappedDataKey: put.wrappedKey,
        keyId: put.keyId,
        retentionCategory: "ordinary",
        purgeDueAt: new Date(callStartedAt.getTime() + 365 * 86_400_000),
      })
      .returning({ id: recordings.id });
    recordingId = row?.id ?? "";
    await release(kuuloDb);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists what is due without purging, then purges it and leaves a tombstone", async () => {
    const dry = await cli(["retention", "run", "--dry-run"], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`due  ${recordingId}  ordinary`);
    expect(dry.stdout).toContain("1 recording(s) would be purged");

    const run = await cli(["retention", "run"], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`purged  ${recordingId}`);
    expect(run.stdout).not.toMatch(/Vanha|Puhelu/);

    const kuuloDb = await open();
    try {
      expect(await kuuloDb.db.select().from(recordings).where(eq(recordings.id, recordingId))).toHaveLength(
        0,
      );
      const stones = await kuuloDb.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "recording.purge"), eq(auditEvents.targetId, recordingId)));
      expect(stones).toHaveLength(1);
      expect(stones[0]?.actorLabel).toMatch(/^cli:/);
      const store = storeOf({ config: loadConfig(env), masterKey: MASTER_KEY });
      expect(await store.inner.exists(storageKey)).toBe(false);
    } finally {
      await release(kuuloDb);
    }
  });
});
