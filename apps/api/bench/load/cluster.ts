import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { migrateDb } from "@kuulo/db/migrate";
import { sql } from "drizzle-orm";
import S3rver from "s3rver";
import { type Config, loadConfig } from "../../src/env.js";
import { seedDemoIfEmpty } from "../../src/seed/seed-demo.js";
import { freePort } from "../bench-app.js";
import { httpRequest, keepAliveAgent } from "../http-client.js";

const API_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const LOAD_DATABASE = "kuulo_load";
const BUCKET = "kuulo-load";

/**
 * Three (or n) API processes on one PostgreSQL database and one S3-compatible server (s3rver), behind
 * nginx on loopback: what the load test drives. Each instance is `src/main.ts` as production runs it,
 * with its own session and listen caches, its audit sequencer and retention scheduler competing for the
 * leases.
 */
export interface Cluster {
  /** nginx, the only address the load clients use. */
  baseUrl: string;
  instanceUrls: string[];
  /** The driver's own handle on the database (set-up and checks), and the configuration it shares. */
  kuuloDb: KuuloDb;
  config: Config;
  masterKey: Buffer;
  env: Record<string, string>;
  /** Stops nginx and drains every instance (SIGTERM); the database and the bucket stay for the checks. */
  stopInstances(): Promise<void>;
  /** Drops the database, stops s3rver and removes the temporary directories. */
  destroy(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, what: string): Promise<void> {
  const agent = keepAliveAgent(1);
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${what} exited with ${child.exitCode} before it was ready`);
      try {
        const response = await httpRequest(agent, `${url}/readyz`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      // Polling a starting process: the pause only spaces the attempts, nothing is decided by it.
      await sleep(200);
    }
  } finally {
    agent.destroy();
  }
}

function nginxConfig(prefix: string, port: number, upstreams: string[]): string {
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_max_body_size 200m;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream kuulo {
    least_conn;
${upstreams.map((upstream) => `    server ${upstream};`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://kuulo;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_buffering off;
      proxy_request_buffering off;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

async function startNginx(nginxPath: string, upstreams: string[]) {
  const prefix = await mkdtemp(join(tmpdir(), "kuulo-load-nginx-"));
  await chmod(prefix, 0o755);
  const port = await freePort();
  await writeFile(join(prefix, "nginx.conf"), nginxConfig(prefix, port, upstreams));
  const child = spawn(nginxPath, ["-p", prefix, "-c", join(prefix, "nginx.conf")], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return { child, prefix, baseUrl: `http://127.0.0.1:${port}` };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

/** Creates the load database (dropped first if a killed run left it), migrates and seeds it, starts all. */
export async function startCluster(options: {
  serverUrl: string;
  instances: number;
  nginxPath: string;
  /** The database created for the run (dropped first and at the end). */
  databaseName?: string;
  /** The owner role that migrates and the runtime role everything else connects as (created if missing). */
  roles?: { owner: string; runtime: string };
  /** How often each instance's retention scheduler runs (minutes; the driver also runs it). */
  retentionMinutes?: number;
}): Promise<Cluster> {
  const databaseName = options.databaseName ?? LOAD_DATABASE;
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error(`not a plain database name: ${databaseName}`);
  const roles = options.roles ?? { owner: "kuulo_owner", runtime: "kuulo_app" };
  for (const role of [roles.owner, roles.runtime]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  }
  const adminUrl = new URL(options.serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = await createDb({ databaseUrl: adminUrl.toString() });
  for (const role of [roles.owner, roles.runtime]) {
    await admin.db.execute(
      sql.raw(
        `do $$ begin create role "${role}" login; exception when duplicate_object or unique_violation then null; end $$`,
      ),
    );
  }
  await admin.db.execute(sql.raw(`drop database if exists ${databaseName} with (force)`));
  await admin.db.execute(sql.raw(`create database ${databaseName} owner "${roles.owner}"`));
  // As in production: the owner migrates, the instances (and the driver) connect as a role owning nothing.
  const urlAs = (role: string) => {
    const url = new URL(options.serverUrl);
    url.pathname = `/${databaseName}`;
    url.username = role;
    url.password = "";
    return url.toString();
  };
  const databaseUrl = urlAs(roles.runtime);
  const kuuloDb = await createDb({ databaseUrl });
  await migrateDb(kuuloDb, { ownerUrl: urlAs(roles.owner), grantTo: roles.runtime });

  const root = await mkdtemp(join(tmpdir(), "kuulo-load-"));
  const s3Dir = join(root, "s3");
  const dataDir = join(root, "data");
  await mkdir(s3Dir);
  await mkdir(dataDir);
  const s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port: s3Port } = await s3.run();

  const masterKey = randomBytes(32);
  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
  const env: Record<string, string> = {
    KUULO_MODE: "demo",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    KUULO_MIGRATION_DATABASE_URL: urlAs(roles.owner),
    KUULO_DATA_DIR: dataDir,
    KUULO_MASTER_KEY: masterKey.toString("base64"),
    KUULO_STORAGE: "s3",
    KUULO_S3_BUCKET: BUCKET,
    KUULO_S3_REGION: "eu-north-1",
    KUULO_S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    KUULO_S3_FORCE_PATH_STYLE: "true",
    KUULO_S3_ACCESS_KEY_ID: "S3RVER",
    KUULO_S3_SECRET_ACCESS_KEY: "S3RVER",
    KUULO_STORAGE_COUNTRY: "SE",
    KUULO_AUDIO_WORKERS: "1",
    KUULO_INGEST_RATE_PER_MINUTE: "100000",
    KUULO_RETENTION_INTERVAL_MINUTES: String(options.retentionMinutes ?? 1),
    KUULO_LOG_LEVEL: "warn",
  };
  const config = loadConfig({ ...env, PORT: String(ports[0]) });
  await seedDemoIfEmpty(kuuloDb.db, config, masterKey);

  const children: ChildProcess[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  const stopInstances = async () => {
    if (nginx) await stopChild(nginx.child, "SIGQUIT");
    await Promise.all(children.map((child) => stopChild(child, "SIGTERM")));
  };
  const destroy = async () => {
    await kuuloDb.close();
    await s3.close();
    await admin.db.execute(sql.raw(`drop database if exists ${databaseName} with (force)`));
    await admin.close();
    await rm(root, { recursive: true, force: true });
    if (nginx) await rm(nginx.prefix, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const child = spawn(
        process.execPath,
        ["--conditions=@kuulo/source", "--import", "tsx", "src/main.ts"],
        {
          cwd: API_DIR,
          env: { ...process.env, ...env, PORT: String(port) },
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
      children.push(child);
    }
    const instanceUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(
      instanceUrls.map((url, i) => waitUntilReady(url, children[i] as ChildProcess, `instance ${i + 1}`)),
    );
    nginx = await startNginx(
      options.nginxPath,
      ports.map((port) => `127.0.0.1:${port}`),
    );
    await waitUntilReady(nginx.baseUrl, nginx.child, "nginx");
    return { baseUrl: nginx.baseUrl, instanceUrls, kuuloDb, config, masterKey, env, stopInstances, destroy };
  } catch (error) {
    await stopInstances();
    await destroy();
    throw error;
  }
}
