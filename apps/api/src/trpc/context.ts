import type { Database } from "@kuulo/db/client";
import type { FastifyBaseLogger } from "fastify";
import type { AuthState } from "../auth/auth-state.js";
import type { Config } from "../env.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface RequestInfo {
  ip: string;
  userAgent: string | undefined;
}

/** How a procedure sets or clears the session cookie without knowing the transport. */
export interface SessionCookieWriter {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** Long-lived things built once at start and shared by every request. */
export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  masterKey: Uint8Array;
  log: FastifyBaseLogger;
}

export interface Context extends AppDeps {
  request: RequestInfo;
  /** The signed-in state loaded for this request, or null when anonymous. */
  auth: AuthState | null;
  /** The raw session token from the cookie (needed to rotate or end the session). */
  sessionToken: string | null;
  cookies: SessionCookieWriter;
}
