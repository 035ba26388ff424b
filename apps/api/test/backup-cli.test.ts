import { spawn } from "node:child_process";
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { recordings, staffMembers, units } from "@kuulo/db/schema";
import { createEmptyPostgresDatabase, createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/env.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { storeOf } from "../src/services/retention/store-of.js";
import { fakeWebm } from "./disclosures-harness.js";
import { TEST_PASSWORD_HASH } from "./helpers/test-config.js";

/** The operator's verbs as the `kuulo` command runs them: backup, restore into an empty installation, checks. */

const API_DIR = join(import.meta.dirname, "..");
const MASTER_KEY = Buffer.alloc(32, 9);

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@kuulo/source", "--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: API_DIR, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } },
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

describe("pnpm cli backup / restore", () => {
  let root: string;
  let source: Record<string, string>;
  let target: Record<string, string>;
  let sourceDb: TestDb | undefined;
  let dropTarget: (() => Promise<void>) | undefined;
  const backupDir = () => join(root, "backup");

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "kuulo-backup-cli-"));
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(join(root, "signing.pem"), privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    const shared = {
      KUULO_MODE: "demo",
      KUULO_MASTER_KEY: MASTER_KEY.toString("base64"),
      KUULO_AUDIT_SIGNING_KEY_FILE: join(root, "signing.pem"),
      KUULO_ERASURE_JOURNAL_FILE: join(root, "erasure-journal.jsonl"),
    };
    source = { ...shared, KUULO_DATA_DIR: join(root, "source") };
    target = { ...shared, KUULO_DATA_DIR: join(root, "target") };
    const serverUrl = testDatabaseUrl();
    if (serverUrl) {
      sourceDb = await createTestDb();
      source.DATABASE_URL = sourceDb.databaseUrl ?? "";
      if (sourceDb.ownerDatabaseUrl) source.KUULO_MIGRATION_DATABASE_URL = sourceDb.ownerDatabaseUrl;
      const empty = await createEmptyPostgresDatabase(serverUrl);
      target.DATABASE_URL = empty.url;
      dropTarget = empty.drop;
    }
    const config = { ...loadConfig(source), passwordHash: TEST_PASSWORD_HASH };
    const kuuloDb = sourceDb ?? (await createDb({ dataDir: join(config.dataDir, "pglite") }));
    try {
      // createTestDb has migrated PostgreSQL as the owner already; the runtime role could not.
      if (!sourceDb) await migrateDb(kuuloDb);
      await seedDemoIfEmpty(kuuloDb.db, config, MASTER_KEY);
      const [unit] = await kuuloDb.db.select().from(units).where(eq(units.code, "HKI-ASPA"));
      const [staff] = await kuuloDb.db
        .insert(staffMembers)
        .values({
          firstName: "Aino",
          lastName: "Varmuus",
          username: "aino.varmuus",
          unitId: unit?.id ?? null,
        })
        .returning({ id: staffMembers.id });
      const audio = fakeWebm(70_000);
      const storageKey = `rec/${randomUUID()}`;
      const put = await storeOf({ config, masterKey: MASTER_KEY }).putEncrypted(storageKey, audio);
      await kuuloDb.db.insert(recordings).values({
        sourceSystemId: "recorder",
        sourceRecordingId: storageKey,
        staffMemberId: staff?.id ?? "",
        unitId: unit?.id ?? "",
        callStartedAt: new Date(),
        durationMs: 1000,
        originalFormat: "wav-pcm16",
        originalSha256: "a".repeat(64),
        originalSizeBytes: 10,
        storedFormat: "webm-opus",
        storedSizeBytes: audio.length,
        storedSha256: createHash("sha256").update(audio).digest("hex"),
        storageKey,
        wrappedDataKey: put.wrappedKey,
        keyId: put.keyId,
        retentionCategory: "ordinary",
        purgeDueAt: new Date(Date.now() + 365 * 86_400_000),
      });
    } finally {
      if (!sourceDb) await kuuloDb.close();
    }
  }, 120_000);
  afterAll(async () => {
    await sourceDb?.close();
    await dropTarget?.();
    rmSync(root, { recursive: true, force: true });
  });

  it("backs up, restores into an empty installation, and reconcile, scrub and audit verify report clean", async () => {
    const backup = await cli(["backup", backupDir()], source);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/backup written to .*1 object\(s\)/);

    const restore = await cli(["restore", backupDir()], target);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("1 object(s)");
    for (const check of [
      ["storage", "reconcile"],
      ["storage", "scrub"],
      ["audit", "verify"],
    ]) {
      const result = await cli(check, target);
      expect(result.code, `${check.join(" ")}: ${result.stdout} ${result.stderr}`).toBe(0);
    }
  }, 300_000);

  it("refuses to restore into an installation that is not empty (exit 1, nothing changed)", async () => {
    const again = await cli(["restore", backupDir()], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    const verify = await cli(["audit", "verify"], target);
    expect(verify.code, verify.stderr).toBe(0);
  }, 120_000);
});
