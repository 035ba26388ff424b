import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvents } from "@kuulo/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/env.js";
import { makeWav } from "../fixtures/audio/audio-fixtures.js";
import { account } from "../helpers/test-app.js";
import {
  createToken,
  metadataFor,
  type RecordingsTestApp,
  startRecordingsApp,
} from "../recordings-harness.js";

// deploy/nginx/kuulo-proxy.conf in front of the API, as in production: TLS (a certificate made here with
// openssl), nginx connecting from 127.0.0.2 — the only trusted proxy — and clients from 127.0.0.3 (allowed)
// or 127.0.0.4 (not allowed). nginx runs as our child with its own prefix, never as a daemon.
const NGINX = "/usr/sbin/nginx";
const PROXY_ADDRESS = "127.0.0.2";
const CLIENT = "127.0.0.3";
const OUTSIDER = "127.0.0.4";
const available = existsSync(NGINX) && existsSync("/usr/bin/openssl");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: Buffer;
}

describe.skipIf(!available)("behind nginx (deploy/nginx/kuulo-proxy.conf)", { timeout: 180_000 }, () => {
  let prefix: string;
  let nginx: ChildProcess;
  let api: RecordingsTestApp;
  let port: number;
  let ca: Buffer;
  let origin: string;

  function send(
    path: string,
    options: { method?: string; headers?: Record<string, string>; body?: Buffer; from?: string } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path,
          method: options.method ?? "GET",
          headers: options.headers ?? {},
          localAddress: options.from ?? CLIENT,
          ca,
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              rawHeaders: response.rawHeaders,
              body: Buffer.concat(chunks),
            }),
          );
          response.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  beforeAll(async () => {
    prefix = await mkdtemp(join(tmpdir(), "kuulo-nginx-"));
    await chmod(prefix, 0o755);
    port = await freePort();
    origin = `https://127.0.0.1:${port}`;
    api = await startRecordingsApp({
      KUULO_ALLOWED_CIDRS: `${CLIENT}/32`,
      KUULO_TRUSTED_PROXIES: `${PROXY_ADDRESS}/32`,
      KUULO_PUBLIC_ORIGIN: origin,
      KUULO_COOKIE_SECURE: "true",
    });
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(prefix, "key.pem"),
        "-out",
        join(prefix, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    ca = await readFile(join(prefix, "cert.pem"));
    const apiPort = new URL(api.base).port;
    await writeFile(
      join(prefix, "nginx.conf"),
      `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream kuulo_api { server 127.0.0.1:${apiPort}; keepalive 4; }
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${prefix}/cert.pem;
    ssl_certificate_key ${prefix}/key.pem;
    proxy_bind ${PROXY_ADDRESS};
    include ${join(REPO_ROOT, "deploy/nginx/kuulo-proxy.conf")};
  }
}
`,
    );
    nginx = spawn(NGINX, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    nginx.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Wait until nginx answers (state, not time); fail with its own words if it exits.
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      try {
        await send("/healthz");
        break;
      } catch {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once("exit", resolve));
      nginx.kill("SIGQUIT");
      await exited;
    }
    await api?.close();
    if (prefix) await rm(prefix, { recursive: true, force: true });
  });

  it("answers through TLS with the proxy's request id and each security header exactly once", async () => {
    const ready = await send("/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body.toString())).toMatchObject({ status: "ready" });
    expect(ready.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
    for (const header of [
      "content-security-policy",
      "strict-transport-security",
      "x-content-type-options",
      "x-frame-options",
      "referrer-policy",
    ]) {
      const count = ready.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === header).length;
      expect(count, header).toBe(1);
    }
    expect(ready.headers.server).toBe("nginx");
  });

  it("does not believe a client's X-Forwarded-For beyond the proxy (R12)", async () => {
    const spoofed = await send("/readyz", { from: OUTSIDER, headers: { "x-forwarded-for": CLIENT } });
    expect(spoofed.status).toBe(403);
    expect(JSON.parse(spoofed.body.toString())).toMatchObject({ rule: "R12" });
    // Nor directly: an untrusted peer's header is ignored.
    const direct = await fetch(`${api.base}/readyz`, { headers: { "x-forwarded-for": CLIENT } });
    expect(direct.status).toBe(403);
  });

  it("ingests a recording larger than the general body limit, refuses a large body elsewhere", async () => {
    const tooBig = await send("/trpc/auth.signIn", {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: Buffer.alloc(3 * 1024 * 1024, 0x20),
    });
    expect(tooBig.status).toBe(413);
  });

  it("signs in, ingests and streams with Range through the proxy, auditing the real client address", async () => {
    const { token } = await createToken(api.t);
    const boundary = `kuulo-${randomBytes(8).toString("hex")}`;
    // 3 MiB of audio: more than client_max_body_size outside /ingest/.
    const audio = makeWav({ sampleRate: 8000, data: randomBytes(3 * 1024 * 1024) });
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadataFor("proxy-1"))}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="call.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
      ),
      audio,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const ingested = await send("/ingest/v1/recordings", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(ingested.status, ingested.body.toString()).toBe(201);
    const { id } = JSON.parse(ingested.body.toString()) as { id: string };

    const signIn = await send("/trpc/auth.signIn", {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: Buffer.from(
        JSON.stringify({ username: "mikko.korhonen", password: account("mikko.korhonen").password }),
      ),
    });
    expect(signIn.status).toBe(200);
    const setCookie = [signIn.headers["set-cookie"] ?? []].flat()[0] ?? "";
    expect(setCookie).toMatch(/^__Host-.*Secure/);
    const cookie = setCookie.split(";")[0] ?? "";

    const whole = await send(`/media/recordings/${id}/audio`, { headers: { cookie } });
    expect(whole.status).toBe(200);
    const size = whole.body.length;
    expect(whole.headers["accept-ranges"]).toBe("bytes");
    const part = await send(`/media/recordings/${id}/audio`, {
      headers: { cookie, range: "bytes=100-1099" },
    });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 100-1099/${size}`);
    expect(part.body.equals(whole.body.subarray(100, 1100))).toBe(true);

    const listens = await api.t.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "recording.listen"), eq(auditEvents.targetId, id)));
    expect(listens.length).toBeGreaterThan(0);
    expect(listens.every((row) => row.ip === CLIENT)).toBe(true);
  });
});
