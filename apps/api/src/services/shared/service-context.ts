import type { Database } from "@kuulo/db/client";
import type { FastifyBaseLogger } from "fastify";
import type { AuthState } from "../../auth/auth-state.js";
import type { Config } from "../../env.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface RequestInfo {
  ip: string;
  userAgent: string | undefined;
}

/** How a verb sets or clears the session cookie without knowing the transport. */
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

/**
 * What every service verb receives, whatever called it (tRPC, a plain HTTP route, the CLI, a job): the
 * actor's signed-in state, the database, the clock and where the request came from. Transports build it;
 * services never see a transport's own types.
 */
export interface ServiceContext extends AppDeps {
  request: RequestInfo;
  /** The signed-in state loaded for this request, or null when anonymous. */
  auth: AuthState | null;
  /** The raw session token from the cookie (needed to rotate or end the session). */
  sessionToken: string | null;
  cookies: SessionCookieWriter;
}

/** A service context with a signed-in actor. */
export type AuthedContext = ServiceContext & { auth: AuthState };
