import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditHead, verifyAuditChain } from "@kuulo/db/audit";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { claimJob } from "@kuulo/db/queries";
import { auditEvents } from "@kuulo/db/schema";
import { createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runScheduledAuditCheckpoint } from "../src/jobs/audit-checkpoint-scheduler.js";
import { writeAuditCheckpoint } from "../src/services/audit/write-checkpoint.js";
import { createTestApp, dataOf, type TestApp } from "./helpers/test-app.js";

interface Verification {
  ok: boolean;
  brokenAt?: number;
  reason?: string;
  checkpoints: {
    ok: boolean;
    count: number;
    failure: { line: number; seq: number | null; reason: string } | null;
  };
}

/** Tampering as the tables' owner: the API's runtime role cannot disable the triggers. */
async function cutTail(t: TestApp, fromSeq: number) {
  await t.testDb.asOwner(async (db) => {
    await db.execute(sql`alter table audit_events disable trigger user`);
    await db.execute(sql`delete from audit_events where chain_seq >= ${fromSeq}`);
    await db.execute(sql`alter table audit_events enable trigger user`);
  });
}

describe("signed audit checkpoints (R14)", () => {
  let t: TestApp;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kuulo-checkpoints-"));
    // No in-process schedule: each test writes exactly the checkpoints it counts.
    t = await createTestApp({
      env: { KUULO_DATA_DIR: dataDir, KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "0" },
    });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const verify = async (cookie: string) =>
    dataOf<Verification>(await t.call("audit.verify", undefined, { cookie }));

  it("signs the head into a file outside the database and verifies it", async () => {
    const cookie = await t.signIn("tietosuoja");
    await t.linkAudit();
    const written = await writeAuditCheckpoint(t.db, t.config, t.clock.now());
    expect(written).toMatchObject(await auditHead(t.db));
    const lines = readFileSync(join(dataDir, "audit-checkpoints.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = await verify(cookie);
    expect(result).toMatchObject({ ok: true, checkpoints: { ok: true, count: 1, failure: null } });
  });

  it("detects rows removed from the tail, which the chain alone cannot", async () => {
    await t.signIn("kouluttaja");
    const cookie = await t.signIn("tietosuoja");
    await t.linkAudit();
    const checkpoint = await writeAuditCheckpoint(t.db, t.config, t.clock.now());
    await cutTail(t, checkpoint.seq - 1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const result = await verify(cookie);
    expect(result).toMatchObject({
      ok: false,
      brokenAt: checkpoint.seq,
      reason: "checkpoint_mismatch",
      checkpoints: { ok: false, failure: { line: 1, seq: checkpoint.seq, reason: "missing_row" } },
    });
  });

  it("detects a cut tail that was refilled with new events", async () => {
    const cookie = await t.signIn("tietosuoja");
    await t.linkAudit();
    const checkpoint = await writeAuditCheckpoint(t.db, t.config, t.clock.now());
    await cutTail(t, checkpoint.seq - 1);
    while ((await auditHead(t.db)).seq < checkpoint.seq) {
      await t.signIn("kouluttaja");
      await t.linkAudit();
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    const result = await verify(cookie);
    expect(result.checkpoints.failure).toEqual({ line: 1, seq: checkpoint.seq, reason: "hash_mismatch" });
  });

  it("refuses a checkpoint whose signature does not verify", async () => {
    const cookie = await t.signIn("tietosuoja");
    await t.linkAudit();
    await writeAuditCheckpoint(t.db, t.config, t.clock.now());
    const file = join(dataDir, "audit-checkpoints.jsonl");
    const genuine = JSON.parse(readFileSync(file, "utf8").trim());
    // Someone without the key "moves" the checkpoint back to hide the newest rows: same signature, new seq.
    const forged = { ...genuine, seq: genuine.seq - 1, hash: (await verifyHashAt(t, genuine.seq - 1)) ?? "" };
    writeFileSync(file, `${JSON.stringify(genuine)}\n${JSON.stringify(forged)}\n`);
    const result = await verify(cookie);
    expect(result).toMatchObject({
      ok: false,
      reason: "checkpoint_mismatch",
      checkpoints: { count: 0, failure: { line: 2, reason: "bad_signature" } },
    });
  });

  it("refuses a checkpoint signed by another key", async () => {
    const cookie = await t.signIn("tietosuoja");
    await t.linkAudit();
    await writeAuditCheckpoint(t.db, t.config, t.clock.now());
    const other = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" });
    writeFileSync(join(dataDir, "audit-signing.key"), other);
    const result = await verify(cookie);
    expect(result.checkpoints.failure).toMatchObject({ line: 1, reason: "unknown_key" });
    expect(result.ok).toBe(false);
  });

  it("takes scheduled checkpoints only under the job lease", async () => {
    const common = { db: t.db, config: t.config, clock: t.clock, leaseMs: 60_000 };
    const holder = { ...common, instanceId: "a" };
    const other = { name: "audit.checkpoint", instanceId: "b", now: t.clock.now(), leaseMs: 60_000 };
    expect(await claimJob(t.db, other)).toBe(true);
    expect(await runScheduledAuditCheckpoint(holder)).toBeNull();
    t.clock.advance(61_000);
    expect(await runScheduledAuditCheckpoint(holder)).toMatchObject(await auditHead(t.db));
  });
});

describe("the API's checkpoint schedule", () => {
  it("writes the first signed checkpoint at start, before any interval has passed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "kuulo-checkpoints-start-"));
    const t = await createTestApp({
      env: { KUULO_DATA_DIR: dataDir, KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "60" },
    });
    try {
      await t.app.ready();
      const lines = readFileSync(join(dataDir, "audit-checkpoints.jsonl"), "utf8").trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? "")).toMatchObject(await auditHead(t.db));
      const cookie = await t.signIn("tietosuoja");
      const result = dataOf<Verification>(await t.call("audit.verify", undefined, { cookie }));
      expect(result).toMatchObject({ ok: true, checkpoints: { ok: true, count: 1 } });
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function verifyHashAt(t: TestApp, seq: number): Promise<string | undefined> {
  const [row] = await t.db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.chainSeq, seq));
  return row?.hash ?? undefined;
}

// Five CLI processes (tsx start-up each): generous for a shared machine.
describe("pnpm cli audit checkpoint / verify", { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: TestDb | undefined;
  let open: () => Promise<KuuloDb>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "kuulo-checkpoint-cli-"));
    const keyFile = join(dataDir, "signing.pem");
    writeFileSync(
      keyFile,
      generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
    );
    env = {
      KUULO_MODE: "production",
      KUULO_ALLOWED_CIDRS: "127.0.0.0/8",
      KUULO_MASTER_KEY: Buffer.alloc(32, 3).toString("base64"),
      KUULO_AUDIT_SIGNING_KEY_FILE: keyFile,
      KUULO_AUDIT_CHECKPOINT_FILE: join(dataDir, "elsewhere", "checkpoints.jsonl"),
    };
    if (testDatabaseUrl()) {
      server = await createTestDb();
      env.DATABASE_URL = server.databaseUrl ?? "";
      env.KUULO_MIGRATION_DATABASE_URL = server.ownerDatabaseUrl ?? "";
      open = async () => server as TestDb;
    } else {
      env.KUULO_DATA_DIR = dataDir;
      open = () => createDb({ dataDir: join(dataDir, "pglite") });
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("exits 1 naming the checkpoint after the newest rows were deleted", async () => {
    expect((await cli(["api-token", "create", "--name", "a"], env)).code).toBe(0);
    expect((await cli(["api-token", "create", "--name", "b"], env)).code).toBe(0);
    const checkpoint = await cli(["audit", "checkpoint"], env);
    expect(checkpoint.code).toBe(0);
    const seq = Number(/checkpoint seq (\d+) /.exec(checkpoint.stdout)?.[1]);
    expect(seq).toBeGreaterThanOrEqual(2);
    expect((await cli(["audit", "verify"], env)).code).toBe(0);

    const kuuloDb = await open();
    try {
      const tamper = async (db: KuuloDb["db"]) => {
        await db.execute(sql`alter table audit_events disable trigger user`);
        await db.execute(sql`delete from audit_events where chain_seq = ${seq}`);
        await db.execute(sql`alter table audit_events enable trigger user`);
      };
      await (server ? server.asOwner(tamper) : tamper(kuuloDb.db));
    } finally {
      if (!server) await kuuloDb.close();
    }
    const verified = await cli(["audit", "verify"], env);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain("checkpoint_mismatch");
    expect(verified.stderr).toContain("missing_row");
  });
});

function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@kuulo/source", "--import", "tsx", "src/cli/main.ts", ...args],
      {
        cwd: join(import.meta.dirname, ".."),
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
