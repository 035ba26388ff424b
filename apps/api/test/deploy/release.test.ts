import { execFile, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { organisations, units } from "@kuulo/db/schema";
import { createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/env.js";
import { makeWav } from "../fixtures/audio/audio-fixtures.js";
import { metadataFor } from "../recordings-harness.js";

// `pnpm release` → one tarball, unpacked into an empty directory and run from there with nothing of the
// source tree: PostgreSQL (this runs in CI's PostgreSQL pass) and a real S3 protocol server on loopback.
const run = promisify(execFile);
const apiPackage = JSON.parse(await readFile(join(REPO_ROOT, "apps/api/package.json"), "utf8")) as {
  version: string;
};

describe.skipIf(!testDatabaseUrl())("the release artifact", { timeout: 900_000 }, () => {
  let work: string;
  let home: string;
  let db: TestDb;
  let s3: S3rver;
  let env: Record<string, string>;

  const kuulo = (args: string[], extra: Record<string, string> = {}, input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(home, "bin/kuulo.mjs"), ...args], {
        cwd: work,
        env: { PATH: process.env.PATH ?? "", HOME: work, ...env, ...extra },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.stdin.end(input);
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "kuulo-release-test-"));
    await run(process.execPath, [join(REPO_ROOT, "scripts/release.mjs"), join(work, "out")], {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [tarball] = await readdir(join(work, "out"));
    if (!tarball) throw new Error("pnpm release wrote no tarball");
    const install = join(work, "install");
    await run("mkdir", [install]);
    await run("tar", ["-xzf", join(work, "out", tarball), "-C", install]);
    const [unpacked] = await readdir(install);
    home = join(install, unpacked ?? "");

    db = await createTestDb();
    const s3Dir = join(work, "s3");
    s3 = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: "kuulo-release" }],
    });
    const { port: s3Port } = await s3.run();
    const signingKey = join(work, "audit-signing.key");
    await writeFile(
      signingKey,
      generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
    );
    env = {
      KUULO_MODE: "production",
      DATABASE_URL: db.databaseUrl ?? "",
      // Migrations run as the tables' owner; the server runs as the role that owns none (README).
      ...(db.ownerDatabaseUrl ? { KUULO_MIGRATION_DATABASE_URL: db.ownerDatabaseUrl } : {}),
      KUULO_DATA_DIR: join(work, "data"),
      KUULO_ALLOWED_CIDRS: "127.0.0.0/8",
      KUULO_MASTER_KEY: randomBytes(32).toString("base64"),
      KUULO_AUDIT_SIGNING_KEY_FILE: signingKey,
      KUULO_COOKIE_SECURE: "false",
      KUULO_ALLOW_INSECURE_COOKIE: "1",
      KUULO_STORAGE: "s3",
      KUULO_S3_BUCKET: "kuulo-release",
      KUULO_S3_REGION: "eu-north-1",
      KUULO_S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
      KUULO_S3_FORCE_PATH_STYLE: "true",
      KUULO_S3_ACCESS_KEY_ID: "S3RVER",
      KUULO_S3_SECRET_ACCESS_KEY: "S3RVER",
      KUULO_STORAGE_COUNTRY: "SE",
      PORT: "0",
      KUULO_METRICS_PORT: "0",
      KUULO_RETENTION_INTERVAL_MINUTES: "0",
      KUULO_LOG_LEVEL: "warn",
    };
  }, 900_000);

  afterAll(async () => {
    await s3?.close();
    await db?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("holds compiled JavaScript, production dependencies, the SPAs and the migrations — no source, no dev tools", async () => {
    const top = await readdir(home);
    expect(top).toEqual(
      expect.arrayContaining(["bin", "dist", "public", "node_modules", "release.json", "kuulo"]),
    );
    expect(top).not.toContain("src");
    expect(top).not.toContain("test");
    const store = (await readdir(join(home, "node_modules/.pnpm"))).join("\n");
    for (const devTool of ["tsx@", "turbo@", "typescript@", "vitest@", "s3rver@", "drizzle-kit@", "vite@"]) {
      expect(store, devTool).not.toMatch(new RegExp(`^${devTool.replace("+", "\\+")}`, "m"));
    }
    expect(await readdir(join(home, "node_modules/@kuulo/db/migrations"))).toContain("meta");
    expect(await readdir(join(home, "public/admin"))).toContain("index.html");
    expect(await readdir(join(home, "public/training"))).toContain("index.html");
    const release = JSON.parse(await readFile(join(home, "release.json"), "utf8"));
    expect(release).toMatchObject({ name: "kuulo", version: apiPackage.version });
  });

  it("kuulo --version and --help", async () => {
    const version = await kuulo(["--version"]);
    expect(version.stdout.trim()).toBe(apiPackage.version);
    const help = await kuulo(["--help"]);
    for (const verb of [
      "serve",
      "migrate",
      "create-admin",
      "api-token",
      "audit",
      "storage",
      "retention",
      "import",
    ]) {
      expect(help.stdout).toContain(verb);
    }
  });

  it("refuses an installation without KUULO_MODE, saying what to set", async () => {
    const refused = await kuulo(["serve"], { KUULO_MODE: "" });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("KUULO_MODE=production");
  });

  it("migrates, serves, ingests into S3, verifies the audit log and stops on SIGTERM", async () => {
    expect((await kuulo(["migrate"])).code).toBe(0);
    // What an administrator sets up in the admin app before the recording system sends calls.
    const [controller] = await db.db
      .insert(organisations)
      .values({ kind: "controller", name: "Kespro Oy", businessId: "0110062-6", country: "FI" })
      .returning({ id: organisations.id });
    await db.db
      .insert(units)
      .values({ organisationId: controller?.id ?? "", code: "HKI-ASPA", name: "Asiakaspalvelu" });
    const created = await kuulo(["api-token", "create", "--name", "recording system"]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim().split("\n").pop() ?? "";

    const server = spawn(process.execPath, [join(home, "bin/kuulo.mjs"), "serve"], {
      cwd: work,
      env: { PATH: process.env.PATH ?? "", HOME: work, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
    let output = "";
    const base = await new Promise<string>((resolve, reject) => {
      server.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
      });
      server.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      void exited.then((code) => reject(new Error(`kuulo serve exited (${code}):\n${output}`)));
    });
    try {
      const ready = await fetch(`${base}/readyz`);
      expect(await ready.json()).toEqual({
        status: "ready",
        checks: { database: "ok", migrations: "ok", storage: "ok", audioWorkers: "ok" },
      });
      const admin = await fetch(`${base}/admin/`);
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain("<div id=");

      const form = new FormData();
      form.append("metadata", JSON.stringify(metadataFor("release-1")));
      form.append(
        "audio",
        new Blob([makeWav({ sampleRate: 8000, data: randomBytes(8000 * 2) })]),
        "call.wav",
      );
      const ingested = await fetch(`${base}/ingest/v1/recordings`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(ingested.status, await ingested.clone().text()).toBe(201);
      const objects = await readdir(join(work, "s3", "kuulo-release"), { recursive: true });
      expect(objects.some((name) => name.includes("rec"))).toBe(true);
    } finally {
      server.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    const verified = await kuulo(["audit", "verify"]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
