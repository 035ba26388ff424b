import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendAuditEvent } from "@kuulo/db/audit";
import type { KuuloDb } from "@kuulo/db/client";
import type { FastifyInstance } from "fastify";
import { type Config, loadConfig } from "../src/env.js";
import { DEMO_ACCOUNTS } from "../src/seed/demo-accounts.js";
import { seedDemoIfEmpty } from "../src/seed/seed-demo.js";
import { buildApp } from "../src/server/build-app.js";
import { insertApiToken } from "../src/services/api-tokens/create.js";
import { httpRequest, keepAliveAgent } from "./http-client.js";

/** A real listening API on 127.0.0.1 over a given database, with a trainer session and an ingest token. */
export interface BenchApp {
  app: FastifyInstance;
  config: Config;
  baseUrl: string;
  trainerCookie: string;
  ingestToken: string;
  /**
   * A second API over the same database and stored files with its own operations settings (e.g. no kept
   * plaintext), listening on its own port with its own trainer session.
   */
  sibling(operations: Partial<Config["operations"]>): Promise<BenchSibling>;
  close(): Promise<void>;
}

export interface BenchSibling {
  baseUrl: string;
  trainerCookie: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Signs a demo account in over HTTP (password only: not for the roles that need TOTP); its cookie. */
export async function signIn(baseUrl: string, origin: string, username: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const agent = keepAliveAgent(1);
  try {
    const response = await httpRequest(agent, `${baseUrl}/trpc/auth.signIn`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ username, password: account.password }),
    });
    const setCookie = response.headers["set-cookie"];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (response.status !== 200 || !first)
      throw new Error(`sign-in failed: ${response.status} ${response.body}`);
    return first.split(";")[0] ?? "";
  } finally {
    agent.destroy();
  }
}

/** Seeds the demo organisation (units, one account per role) into an empty, migrated database and listens. */
export async function startBenchApp(
  kuuloDb: KuuloDb,
  options: { databaseUrl?: string } = {},
): Promise<BenchApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "kuulo-bench-"));
  const port = await freePort();
  const masterKey = randomBytes(32);
  const config = loadConfig({
    KUULO_MODE: "demo",
    PORT: String(port),
    HOST: "127.0.0.1",
    KUULO_DATA_DIR: dataDir,
    KUULO_MASTER_KEY: masterKey.toString("base64"),
    KUULO_AUDIO_WORKERS: "2",
    KUULO_RETENTION_INTERVAL_MINUTES: "0",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  await seedDemoIfEmpty(kuuloDb.db, config, masterKey);
  const app = await buildApp({ config, db: kuuloDb.db, masterKey, logger: false, serveSpas: false });
  await app.listen({ port, host: "127.0.0.1" });
  const baseUrl = `http://127.0.0.1:${port}`;
  const origin = config.publicOrigins.find((candidate) => candidate.includes("127.0.0.1")) ?? baseUrl;
  const trainerCookie = await signIn(baseUrl, origin, "kouluttaja");
  const { token } = await kuuloDb.db.transaction((tx) =>
    insertApiToken(tx, { name: "bench", expiresAt: null, createdBy: null, now: new Date() }, (what) =>
      appendAuditEvent(tx, { actorType: "system", actorLabel: "bench", occurredAt: new Date(), ...what }),
    ),
  );
  return {
    app,
    config,
    baseUrl,
    trainerCookie,
    ingestToken: token,
    sibling: async (operations) => {
      const siblingPort = await freePort();
      const siblingConfig: Config = {
        ...config,
        port: siblingPort,
        operations: { ...config.operations, ...operations },
      };
      const sibling = await buildApp({
        config: siblingConfig,
        db: kuuloDb.db,
        masterKey,
        logger: false,
        serveSpas: false,
      });
      await sibling.listen({ port: siblingPort, host: "127.0.0.1" });
      const siblingUrl = `http://127.0.0.1:${siblingPort}`;
      try {
        return {
          baseUrl: siblingUrl,
          trainerCookie: await signIn(siblingUrl, origin, "kouluttaja"),
          close: () => sibling.close(),
        };
      } catch (error) {
        await sibling.close();
        throw error;
      }
    },
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
