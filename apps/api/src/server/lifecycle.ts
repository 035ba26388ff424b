import type { FastifyInstance } from "fastify";
import { metrics } from "../observability/metrics.js";
import type { AppDeps } from "../trpc/context.js";

/** One readiness check: resolves when the part works, throws (the reason is logged, never shown) when not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * The process's state as a load balancer and SIGTERM see it: readiness checks registered by the parts
 * that own them, whether the process is draining, and how many requests are still being answered.
 */
export class Lifecycle {
  draining = false;
  readonly checks = new Map<string, ReadinessCheck>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  get requestsInFlight(): number {
    return this.inFlight;
  }

  begin(): () => void {
    this.inFlight++;
    metrics.httpInFlight.inc();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      metrics.httpInFlight.dec();
      if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    };
  }

  /** True when every request finished, false when the deadline came first. */
  waitIdle(deadlineMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), deadlineMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

// Plugins receive the app's AppDeps; the lifecycle rides beside it without widening that interface.
const lifecycles = new WeakMap<AppDeps, Lifecycle>();

export function lifecycleOf(deps: AppDeps): Lifecycle {
  let lifecycle = lifecycles.get(deps);
  if (!lifecycle) {
    lifecycle = new Lifecycle();
    lifecycles.set(deps, lifecycle);
  }
  return lifecycle;
}

const byApp = new WeakMap<FastifyInstance, Lifecycle>();

export function rememberLifecycle(app: FastifyInstance, lifecycle: Lifecycle): void {
  byApp.set(app, lifecycle);
}

/** The lifecycle of an app made by buildApp (serve uses it for SIGTERM). */
export function lifecycleOfApp(app: FastifyInstance): Lifecycle {
  const lifecycle = byApp.get(app);
  if (!lifecycle) throw new Error("not an app made by buildApp()");
  return lifecycle;
}

export const PROBE_PATHS = new Set(["/healthz", "/readyz"]);

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Counts requests in flight and, once draining, refuses new ones with 503 and `Connection: close`, so a
 * proxy retries them on another instance. Registered after the network allowlist.
 */
export function registerDrainGuard(app: FastifyInstance, lifecycle: Lifecycle): void {
  app.addHook("onRequest", async (request, reply) => {
    if (PROBE_PATHS.has(pathOf(request.url))) return;
    if (lifecycle.draining) {
      return reply.code(503).header("connection", "close").header("retry-after", "5").send({
        code: "UNAVAILABLE",
        reason: "server.shutting_down",
        message: "Kuulo is restarting; try again in a moment",
      });
    }
    const end = lifecycle.begin();
    reply.raw.once("close", end);
  });
}

/**
 * SIGTERM: /readyz turns 503 and new requests are refused at once; running requests and audio streams
 * get `graceMs`, then their connections are cut; then the app closes (schedulers wait for a running job,
 * which releases its lease; audio workers stop).
 */
export async function drainAndClose(
  app: FastifyInstance,
  lifecycle: Lifecycle,
  graceMs: number,
): Promise<{ cut: number }> {
  lifecycle.draining = true;
  metrics.ready.set(0);
  const cut = lifecycle.requestsInFlight;
  const idle = await lifecycle.waitIdle(graceMs);
  if (!idle) {
    app.log.warn({ inFlight: lifecycle.requestsInFlight, graceMs }, "shutdown deadline reached; cutting");
    app.server.closeAllConnections();
  }
  await app.close();
  return { cut: idle ? 0 : cut };
}
