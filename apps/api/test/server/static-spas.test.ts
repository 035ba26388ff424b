import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb, type TestDb } from "@kuulo/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/build-app.js";
import { MASTER_KEY } from "../helpers/test-app.js";
import { testConfig } from "../helpers/test-config.js";

let root: string;
let db: TestDb;
let app: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "kuulo-spa-"));
  for (const name of ["admin", "training"]) {
    mkdirSync(join(root, name, "assets"), { recursive: true });
    writeFileSync(join(root, name, "index.html"), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(root, name, "assets", `${name}-abc123.js`), `console.log("${name}")`);
  }
  db = await createTestDb();
  const config = {
    ...testConfig(),
    spaDirs: { admin: join(root, "admin"), training: join(root, "training") },
  };
  app = await buildApp({ config, db: db.db, masterKey: MASTER_KEY, logger: false });
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, accept = "text/html") => app.inject({ method: "GET", url, headers: { accept } });

describe("SPA serving", () => {
  it("serves the admin app under /admin/ and the training portal at /", async () => {
    expect((await get("/admin/")).body).toContain("<title>admin</title>");
    expect((await get("/")).body).toContain("<title>training</title>");
  });

  it("falls back to the right index.html for client-side routes", async () => {
    expect((await get("/admin/users/123")).body).toContain("<title>admin</title>");
    expect((await get("/playlists/42")).body).toContain("<title>training</title>");
  });

  it("gives the public privacy notice a short address without a session (R1)", async () => {
    const response = await get("/privacy?lang=en");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/admin/privacy?lang=en");
    expect((await get("/admin/privacy")).body).toContain("<title>admin</title>");
  });

  it("serves hashed assets as immutable and the shell as no-cache, with the CSP", async () => {
    const asset = await get("/admin/assets/admin-abc123.js", "*/*");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const shell = await get("/admin/users");
    expect(shell.headers["cache-control"]).toBe("no-cache");
    expect(shell.headers["content-security-policy"]).toContain("script-src 'self'");
  });

  it("answers API misses with JSON, never the SPA shell", async () => {
    const miss = await get("/trpc/does.not.exist");
    expect(miss.statusCode).toBe(404);
    expect(miss.headers["content-type"]).toContain("application/json");
    const json = await get("/nothing-here", "application/json");
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});
