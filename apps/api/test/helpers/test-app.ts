import { type AuditHead, linkPendingAuditEvents } from "@kuulo/db/audit";
import type { TestDb } from "@kuulo/db/testing";
import { createTestDb, openAnotherInstance } from "@kuulo/db/testing";
import { decodeBase32 } from "@oslojs/encoding";
import type { FastifyInstance, InjectOptions } from "fastify";
import { validateSessionToken } from "../../src/auth/sessions.js";
import { TOTP_PERIOD_SECONDS, totpCodeAt } from "../../src/auth/totp.js";
import type { Config } from "../../src/env.js";
import { DEMO_ACCOUNTS, type DemoAccount } from "../../src/seed/demo-accounts.js";
import { seedDemoIfEmpty } from "../../src/seed/seed-demo.js";
import { buildApp } from "../../src/server/build-app.js";
import type { Context } from "../../src/trpc/context.js";
import { ManualClock } from "./manual-clock.js";
import { TEST_ORIGIN, testConfig } from "./test-config.js";

export const MASTER_KEY = new Uint8Array(32).fill(7);

export type DemoUsername =
  | "admin"
  | "tietosuoja"
  | "kouluttaja"
  | "laatuarvioija"
  | "mikko.korhonen"
  | "ulkoinen.kouluttaja";

export function account(username: DemoUsername): DemoAccount {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.username === username);
  if (!found) throw new Error(`no demo account ${username}`);
  return found;
}

export interface TrpcResponse {
  status: number;
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: {
        code: string;
        httpStatus: number;
        domain: { code: string; field?: string; rule?: string; reason?: string };
      };
    };
  };
  headers: Record<string, unknown>;
  setCookie: string | undefined;
}

export class TestApp {
  constructor(
    readonly app: FastifyInstance,
    readonly testDb: TestDb,
    readonly clock: ManualClock,
    readonly config: Config,
  ) {}

  get db() {
    return this.testDb.db;
  }

  async close() {
    await this.app.close();
    await this.testDb.close();
  }

  /** What the audit sequencer does within the merge delay: link every pending audit row into the chain. */
  async linkAudit(): Promise<AuditHead> {
    for (;;) {
      const batch = await linkPendingAuditEvents(this.db);
      if (batch.linked === 0) return batch.head;
    }
  }

  /** Calls a procedure through the real HTTP stack (allowlist, CSRF, cookies, tRPC adapter). */
  async call(
    path: string,
    input: unknown,
    options: {
      cookie?: string | undefined;
      kind?: "query" | "mutation";
      inject?: Partial<InjectOptions>;
    } = {},
  ): Promise<TrpcResponse> {
    const kind = options.kind ?? "mutation";
    const headers: Record<string, string> = { ...(options.cookie ? { cookie: options.cookie } : {}) };
    const request: InjectOptions =
      kind === "query"
        ? {
            method: "GET",
            url: `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
            headers,
          }
        : {
            method: "POST",
            url: `/trpc/${path}`,
            headers: { ...headers, origin: TEST_ORIGIN, "content-type": "application/json" },
            payload: JSON.stringify(input ?? null),
          };
    const response = await this.app.inject({ ...request, ...options.inject } as InjectOptions);
    const raw = response.headers["set-cookie"];
    const setCookie = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return { status: response.statusCode, body: response.json(), headers: response.headers, setCookie };
  }

  query(path: string, input: unknown, cookie?: string) {
    return this.call(path, input, { cookie, kind: "query" });
  }

  /** Signs a demo user fully in (password, then TOTP where enrolled) and returns the Cookie header value. */
  signIn(username: DemoUsername, password = account(username).password): Promise<string> {
    const secret = account(username).totpSecret;
    return this.signInAs(username, password, secret ? decodeBase32(secret) : null);
  }

  async signInAs(username: string, password: string, totpKey: Uint8Array | null = null): Promise<string> {
    const first = await this.call("auth.signIn", { username, password });
    if (first.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(first.body)}`);
    let cookie = cookieFrom(first.setCookie);
    if (totpKey) {
      const code = this.unusedTotpCode(username, totpKey);
      const second = await this.call("auth.verifySecondFactor", { code }, { cookie });
      if (second.status !== 200)
        throw new Error(`second factor of ${username} failed: ${JSON.stringify(second.body)}`);
      cookie = cookieFrom(second.setCookie);
    }
    return cookie;
  }

  private readonly lastTotpStep = new Map<string, number>();

  /**
   * A code the API has not accepted yet (a step is accepted once): this step's, else the next one's
   * (within the drift window), else the clock moves on to the next step.
   */
  private unusedTotpCode(username: string, key: Uint8Array): string {
    const period = TOTP_PERIOD_SECONDS * 1000;
    const last = this.lastTotpStep.get(username) ?? Number.NEGATIVE_INFINITY;
    let current = Math.floor(this.clock.now().getTime() / period);
    if (last >= current + 1) {
      this.clock.set(new Date((last + 1) * period));
      current = last + 1;
    }
    const step = Math.max(current, last + 1);
    this.lastTotpStep.set(username, step);
    return totpCodeAt(key, new Date(step * period));
  }
}

/** "kuulo_session=abc; Path=/; …" → "kuulo_session=abc" */
export function cookieFrom(setCookie: string | undefined): string {
  if (!setCookie) throw new Error("no Set-Cookie header");
  const [pair] = setCookie.split(";");
  if (!pair || pair.endsWith("=")) throw new Error(`cookie was cleared: ${setCookie}`);
  return pair;
}

export function tokenFrom(cookie: string): string {
  return cookie.slice(cookie.indexOf("=") + 1);
}

/** A fresh database with the demo organisation (one account per role) and an app on top of it. */
export async function createTestApp(
  options: { env?: Record<string, string>; clock?: ManualClock; logStream?: NodeJS.WritableStream } = {},
) {
  const clock = options.clock ?? new ManualClock();
  const config = testConfig(options.env);
  const testDb = await createTestDb();
  await seedDemoIfEmpty(testDb.db, config, MASTER_KEY, clock.now());
  const app = await buildApp({
    config,
    db: testDb.db,
    masterKey: MASTER_KEY,
    clock,
    ...(options.logStream ? { logStream: options.logStream } : { logger: false }),
    serveSpas: false,
  });
  return new TestApp(app, testDb, clock, config);
}

/**
 * A second API instance on the same database (its own connection pool, session cache and sequencer), with
 * the same clock and configuration. Close it before the first, which owns the database.
 */
export async function createAnotherInstance(t: TestApp): Promise<TestApp> {
  const handle = await openAnotherInstance(t.testDb);
  const app = await buildApp({
    config: t.config,
    db: handle.db,
    masterKey: MASTER_KEY,
    clock: t.clock,
    logger: false,
    serveSpas: false,
  });
  const { ownerDatabaseUrl, asOwner } = t.testDb;
  return new TestApp(
    app,
    { ...handle, databaseUrl: t.testDb.databaseUrl, ownerDatabaseUrl, asOwner },
    t.clock,
    t.config,
  );
}

/** The procedure's result, or a thrown error showing the refusal. */
export function dataOf<T>(response: TrpcResponse): T {
  if (!response.body.result)
    throw new Error(`expected a result, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.result.data as T;
}

/** A tRPC context for createCaller, with the same session loading as HTTP requests. */
export async function contextFor(t: TestApp, cookie?: string): Promise<Context> {
  const token = cookie ? tokenFrom(cookie) : null;
  const result = token ? await validateSessionToken(t.db, token, t.clock.now()) : null;
  const auth = result?.ok ? result.state : null;
  return {
    config: t.config,
    db: t.db,
    clock: t.clock,
    masterKey: MASTER_KEY,
    log: t.app.log,
    request: { ip: "127.0.0.1", userAgent: "vitest" },
    auth,
    sessionToken: auth ? token : null,
    cookies: { set: () => {}, clear: () => {} },
  };
}
