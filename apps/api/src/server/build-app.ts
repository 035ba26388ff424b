import "./fastify-types.js";
import type { Database } from "@kuulo/db/client";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { dummyHash } from "../auth/password-hash.js";
import { registerPreviousMasterKeys } from "../auth/secret-box.js";
import type { Config } from "../env.js";
import { registerHttpMetrics } from "../observability/http-metrics.js";
import { appRouter } from "../routers/app-router.js";
import { type AppDeps, type Clock, systemClock } from "../trpc/context.js";
import { createRequestContext } from "../trpc/create-context.js";
import { CSRF_EXEMPT_PREFIXES } from "./csrf.js";
import { registerHealthRoutes } from "./health-routes.js";
import { lifecycleOf, registerDrainGuard, rememberLifecycle } from "./lifecycle.js";
import { registerNetworkAllowlist } from "./network-allowlist.js";
import { PLAIN_ROUTES } from "./plain-routes.js";
import { registerRequestGuards } from "./request-guards.js";
import { registerRequestIdEcho, requestLoggingOptions } from "./request-logging.js";
import { registerStaticSpas } from "./static-spas.js";
import { registerTrpcBatchCap } from "./trpc-batch-cap.js";
import { registerTrpcRoute } from "./trpc-route.js";

/** A plain HTTP route group (ingest, audio streaming, export download) added beside tRPC. */
export type AppPlugin = (app: FastifyInstance, deps: AppDeps) => Promise<void> | void;

export interface BuildAppOptions {
  config: Config;
  db: Database;
  masterKey: Uint8Array;
  clock?: Clock;
  /** `false` silences the log; otherwise the structured log (request ids, redaction) goes to `logStream` or stdout. */
  logger?: FastifyServerOptions["logger"];
  logStream?: NodeJS.WritableStream;
  /** Extra plain routes; defaults to the product's own (server/plain-routes.ts). */
  plugins?: readonly AppPlugin[];
  /** Serve the built SPAs from apps/*\/dist (default true). */
  serveSpas?: boolean;
}

/**
 * Order matters: the network allowlist (R12) is the first hook, then headers and CSRF, then routes.
 * trustProxy stays off: the client address is computed by our own trusted-proxy rule.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const logging = requestLoggingOptions(config, options.logStream);
  const app = Fastify({
    ...logging,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    trustProxy: false,
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
    // Start-up (route registration, and the first signed audit checkpoint in an onReady hook, which
    // links pending rows first) takes as long as the machine and the database need; Fastify's default
    // 10 s bound only turned a start on an overloaded machine into FST_ERR_HOOK_TIMEOUT. A start that
    // really hangs never listens, so /readyz (what the proxy and the runbook watch) says so.
    pluginTimeout: 0,
  });
  registerPreviousMasterKeys(options.masterKey, config.previousMasterKeys);
  const deps: AppDeps = {
    config,
    db: options.db,
    clock: options.clock ?? systemClock,
    masterKey: options.masterKey,
    log: app.log,
  };

  // Compute the dummy hash now, so the first unknown-user sign-in costs what a real one does.
  await dummyHash(config.passwordHash);

  const lifecycle = lifecycleOf(deps);
  rememberLifecycle(app, lifecycle);
  registerRequestIdEcho(app);
  registerNetworkAllowlist(app, config);
  registerRequestGuards(app, { config, csrfExemptPrefixes: CSRF_EXEMPT_PREFIXES });
  registerDrainGuard(app, lifecycle);
  registerHttpMetrics(app, new Set(Object.keys(appRouter._def.procedures)));
  registerTrpcBatchCap(app, config.trpcMaxBatch);

  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = typeof error.statusCode === "number" && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, "unhandled error");
      return reply.code(500).send({ code: "INTERNAL", message: "Internal error" });
    }
    const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status === 415 ? "UNSUPPORTED_MEDIA" : "VALIDATION";
    return reply.code(status).send({ code, message: error.message ?? "Bad request" });
  });

  registerHealthRoutes(app, deps, lifecycle);

  await registerTrpcRoute(app, {
    prefix: "/trpc",
    router: appRouter,
    maxBatchSize: config.trpcMaxBatch,
    createContext: (request, reply) => createRequestContext(deps, request, reply),
  });

  for (const plugin of options.plugins ?? PLAIN_ROUTES) {
    await app.register(async (scope) => plugin(scope, deps));
  }

  if (options.serveSpas ?? true) await registerStaticSpas(app, config.spaDirs);
  else
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send({ code: "NOT_FOUND", message: "Not found" }),
    );

  return app;
}
