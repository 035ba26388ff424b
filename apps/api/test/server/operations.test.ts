import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../src/observability/metrics.js";
import { lifecycleOfApp } from "../../src/server/lifecycle.js";
import { account, createTestApp, type TestApp } from "../helpers/test-app.js";

/** Collects the app's JSON log lines. */
function logCollector() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    for (let newline = text.indexOf("\n"); newline >= 0; newline = text.indexOf("\n")) {
      lines.push(JSON.parse(text.slice(0, newline)));
      text = text.slice(newline + 1);
    }
  });
  return { stream, lines, raw: () => JSON.stringify(lines) };
}

async function metricValue(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
  const values = (metric?.values ?? []) as { value: number; labels: Record<string, string | number> }[];
  return values
    .filter((value) => Object.entries(labels).every(([key, wanted]) => String(value.labels[key]) === wanted))
    .reduce((sum, value) => sum + value.value, 0);
}

const PROXY = "192.168.50.10";

describe("health, readiness, request ids, logs and metrics", () => {
  let t: TestApp;
  let dataDir: string;
  const log = logCollector();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "kuulo-ops-test-"));
    t = await createTestApp({
      env: {
        KUULO_DATA_DIR: dataDir,
        KUULO_ALLOWED_CIDRS: "10.1.0.0/16,127.0.0.1/32",
        KUULO_TRUSTED_PROXIES: `${PROXY}/32`,
      },
      logStream: log.stream,
    });
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = (url: string, remoteAddress = "10.1.2.3", headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, remoteAddress, headers });

  it("/healthz says only that the process answers; /readyz checks every part without a session", async () => {
    const health = await get("/healthz");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true });
    const ready = await get("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", storage: "ok", audioWorkers: "ok" },
    });
    expect(await metricValue("kuulo_ready")).toBe(1);
  });

  it("both probes sit behind the network allowlist (R12)", async () => {
    expect((await get("/healthz", "192.0.2.10")).statusCode).toBe(403);
    expect((await get("/readyz", "192.0.2.10")).statusCode).toBe(403);
  });

  it("keeps a trusted proxy's X-Request-Id, replaces anyone else's, and echoes it", async () => {
    const fromProxy = await get("/healthz", PROXY, {
      "x-forwarded-for": "10.1.9.9",
      "x-request-id": "nginx-0123456789abcdef",
    });
    expect(fromProxy.headers["x-request-id"]).toBe("nginx-0123456789abcdef");
    const fromClient = await get("/healthz", "10.1.2.3", { "x-request-id": "forged-0123456789" });
    expect(fromClient.headers["x-request-id"]).not.toBe("forged-0123456789");
    expect(String(fromClient.headers["x-request-id"])).toMatch(/^[0-9a-f-]{36}$/);
    const logged = log.lines.filter((line) => line.reqId === "nginx-0123456789abcdef");
    expect(logged.length).toBeGreaterThan(0);
    // The real client, not the proxy, through the trusted proxy.
    expect(logged.find((line) => line.req)?.req).toMatchObject({ client: "10.1.9.9", peer: PROXY });
  });

  it("never logs a one-time export token, a session cookie, a bearer token or a query string", async () => {
    const exportToken = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";
    const cookie = await t.signIn("mikko.korhonen", account("mikko.korhonen").password);
    await t.app.inject({
      method: "GET",
      url: `/exports/${exportToken}`,
      remoteAddress: "10.1.2.3",
      headers: { cookie },
    });
    await t.app.inject({
      method: "POST",
      url: "/ingest/v1/recordings",
      remoteAddress: "10.1.2.3",
      headers: { authorization: "Bearer kuulo-secret-ingest-token-123", "content-type": "application/json" },
      payload: "{}",
    });
    await get(`/trpc/recordings.search?input=${encodeURIComponent('{"query":"Virtanen"}')}`, "10.1.2.3", {
      cookie,
    });
    const text = log.raw();
    expect(text).toContain("/exports/:redacted");
    expect(text).not.toContain(exportToken);
    expect(text).not.toContain(cookie.split("=")[1] ?? cookie);
    expect(text).not.toContain("kuulo-secret-ingest-token-123");
    expect(text).not.toContain("Virtanen");
  });

  it("counts requests per route pattern and tRPC procedure, and session checks", async () => {
    const countOf = async (procedure: string) => {
      const lines = (await registry.getSingleMetricAsString("kuulo_trpc_procedure_duration_seconds")).split(
        "\n",
      );
      const line = lines.find((candidate) =>
        candidate.startsWith(`kuulo_trpc_procedure_duration_seconds_count{procedure="${procedure}"`),
      );
      return Number(line?.split(" ").pop() ?? 0);
    };
    const before = await countOf("register.privacyNotice");
    await get("/trpc/register.privacyNotice");
    await get("/trpc/no.suchProcedure");
    expect(await countOf("register.privacyNotice")).toBe(before + 1);
    const histogram = (await registry.getSingleMetricAsString("kuulo_trpc_procedure_duration_seconds")).split(
      "\n",
    );
    expect(histogram.some((line) => line.includes('procedure="unknown"'))).toBe(true);
    expect(histogram.some((line) => line.includes("no.suchProcedure"))).toBe(false);
    expect(
      await metricValue("kuulo_http_responses_total", { route: "/readyz", status: "200" }),
    ).toBeGreaterThan(0);
    expect(await metricValue("kuulo_session_checks_total", { result: "valid" })).toBeGreaterThan(0);
    // Signing in appended audit rows (login success) through the observer in @kuulo/db.
    const exposition = await registry.metrics();
    expect(Number(/kuulo_audit_append_duration_seconds_count (\d+)/.exec(exposition)?.[1])).toBeGreaterThan(
      0,
    );
    expect(exposition).not.toMatch(/route="\/exports\/[a-z2-7]{52}"/);
  });

  it("while draining, /readyz answers 503 and new requests are refused with 503", async () => {
    const lifecycle = lifecycleOfApp(t.app);
    lifecycle.draining = true;
    try {
      const ready = await get("/readyz");
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: "shutting_down" });
      const refused = await get("/trpc/register.privacyNotice");
      expect(refused.statusCode).toBe(503);
      expect(refused.headers.connection).toBe("close");
      expect(refused.json()).toMatchObject({ code: "UNAVAILABLE", reason: "server.shutting_down" });
      expect((await get("/healthz")).statusCode).toBe(200);
    } finally {
      lifecycle.draining = false;
    }
  });
});

describe("readiness names the failing part", () => {
  it("answers 503 with storage failed when the object store cannot be written", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kuulo-ops-test-"));
    const notADirectory = join(dataDir, "file");
    await writeFile(notADirectory, "x");
    const t = await createTestApp({
      env: { KUULO_DATA_DIR: dataDir, KUULO_STORAGE_DIR: join(notADirectory, "objects") },
    });
    try {
      const ready = await t.app.inject({ method: "GET", url: "/readyz", remoteAddress: "127.0.0.1" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        status: "not_ready",
        checks: { storage: "failed", database: "ok" },
      });
      expect(JSON.stringify(ready.json())).not.toContain(notADirectory);
    } finally {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the documented metrics exist", () => {
  it("every kuulo_* name in docs/metrics.md and the Grafana dashboard is registered", async () => {
    const { readFile } = await import("node:fs/promises");
    const { REPO_ROOT } = await import("../../src/env.js");
    const registered = new Set((await registry.getMetricsAsJSON()).map((metric) => metric.name));
    for (const file of ["docs/metrics.md", "deploy/grafana/kuulo-dashboard.json"]) {
      const text = await readFile(join(REPO_ROOT, file), "utf8");
      const named = new Set(
        [...text.matchAll(/kuulo_[a-z0-9_]+[a-z0-9]/g)]
          .map(([name]) => name.replace(/_(bucket|count|sum)$/, ""))
          .filter((name) => !name.endsWith("_"))
          .filter((name) => name !== "kuulo_process" && name !== "kuulo_nodejs"),
      );
      expect(named.size, file).toBeGreaterThan(5);
      for (const name of named) expect(registered.has(name), `${file}: ${name}`).toBe(true);
    }
  });
});
