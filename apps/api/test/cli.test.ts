import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { users } from "@kuulo/db/schema";
import { createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const API_DIR = join(import.meta.dirname, "..");

/** The CLI as operators run it: a separate process on the configured database. */
function cli(args: string[], env: Record<string, string>, stdin?: string) {
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
    child.stdin.end(stdin ?? "");
  });
}

let env: Record<string, string>;
let dataDir: string;
let server: TestDb | undefined;
let openForTest: () => Promise<KuuloDb>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "kuulo-cli-"));
  const signingKey = join(dataDir, "audit-signing.key");
  writeFileSync(
    signingKey,
    generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
  );
  env = {
    KUULO_MODE: "production",
    KUULO_AUDIT_SIGNING_KEY_FILE: signingKey,
    KUULO_ALLOWED_CIDRS: "127.0.0.0/8",
    KUULO_MASTER_KEY: Buffer.alloc(32, 3).toString("base64"),
  };
  if (testDatabaseUrl()) {
    server = await createTestDb();
    env.DATABASE_URL = server.databaseUrl ?? "";
    env.KUULO_MIGRATION_DATABASE_URL = server.ownerDatabaseUrl ?? "";
    openForTest = async () => server as TestDb;
  } else {
    env.KUULO_DATA_DIR = dataDir;
    openForTest = () => createDb({ dataDir: join(dataDir, "pglite") });
  }
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// Each run starts a process and opens the database (several seconds on a loaded machine).
describe("pnpm cli", { timeout: 120_000 }, () => {
  it("creates an administrator only with a password that passes the rules, never a default", async () => {
    const weak = await cli(
      [
        "create-admin",
        "--username",
        "paakayttaja",
        "--first-name",
        "Pää",
        "--last-name",
        "Käyttäjä",
        "--password-stdin",
        "--controller-business-id",
        "1234567-8",
      ],
      env,
      "password123\n",
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("password refused");
    const ok = await cli(
      [
        "create-admin",
        "--username",
        "paakayttaja",
        "--first-name",
        "Pää",
        "--last-name",
        "Käyttäjä",
        "--password-stdin",
        "--controller-business-id",
        "1234567-8",
      ],
      env,
      "hopeinen kuu ja kultainen aurinko\n",
    );
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const db = await openForTest();
    try {
      const [admin] = await db.db.select().from(users).where(eq(users.username, "paakayttaja"));
      expect(admin?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      if (!server) await db.close();
    }
  });

  it("audit verify exits 0 on an intact chain and 1 on a broken one", async () => {
    const intact = await cli(["audit", "verify"], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("audit chain intact");
    const db = await openForTest();
    try {
      const tamper = async (owner: KuuloDb["db"]) => {
        await owner.execute(sql`alter table audit_events disable trigger user`);
        await owner.execute(sql`update audit_events set action = 'user.deactivate' where chain_seq = 1`);
        await owner.execute(sql`alter table audit_events enable trigger user`);
      };
      await (server ? server.asOwner(tamper) : tamper(db.db));
    } finally {
      if (!server) await db.close();
    }
    const broken = await cli(["audit", "verify"], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("BROKEN at seq 1");
  });

  it("refuses to run with unsafe production settings", async () => {
    const result = await cli(["audit", "verify"], { ...env, KUULO_ALLOWED_CIDRS: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("KUULO_ALLOWED_CIDRS");
  });
});
