import { readFileSync } from "node:fs";
import { join } from "node:path";
import { queryRows } from "@kuulo/db/client";
import { MIGRATIONS_FOLDER } from "@kuulo/db/migrate";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { metrics } from "../observability/metrics.js";
import type { AppDeps } from "../trpc/context.js";
import type { Lifecycle } from "./lifecycle.js";

/** How many migrations this build ships (drizzle's journal); the database must have applied them all. */
function shippedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/**
 * GET /healthz: the process answers (nothing else, so it reveals nothing). GET /readyz: every part this
 * instance needs works — database, migrations, storage, audio workers — else 503 naming the failing
 * parts (reasons go to the log only). Both sit behind the network allowlist (R12) like everything else:
 * probe from an allowed address or through the proxy (docs/operations.md).
 */
export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps, lifecycle: Lifecycle): void {
  const expected = shippedMigrations();
  lifecycle.checks.set("database", async () => {
    await queryRows(deps.db, sql`select 1 as one`);
  });
  lifecycle.checks.set("migrations", async () => {
    const [row] = await queryRows<{ applied: number | string }>(
      deps.db,
      sql`select count(*) as applied from drizzle.__drizzle_migrations`,
    );
    const applied = Number(row?.applied ?? 0);
    // More than shipped is a newer release's forward-only migrations during a rolling upgrade: still ready.
    if (applied < expected) throw new Error(`${expected - applied} migration(s) not applied`);
  });

  app.get("/healthz", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ ok: true }),
  );

  app.get("/readyz", async (request, reply) => {
    reply.header("cache-control", "no-store");
    if (lifecycle.draining) {
      metrics.ready.set(0);
      return reply.code(503).send({ status: "shutting_down" });
    }
    const names = [...lifecycle.checks.keys()];
    const results = await Promise.allSettled([...lifecycle.checks.values()].map((check) => check()));
    const checks: Record<string, "ok" | "failed"> = {};
    results.forEach((result, index) => {
      const name = names[index] ?? "unknown";
      checks[name] = result.status === "fulfilled" ? "ok" : "failed";
      if (result.status === "rejected") request.log.error({ check: name, err: result.reason }, "not ready");
    });
    const ready = results.every((result) => result.status === "fulfilled") && !lifecycle.draining;
    metrics.ready.set(ready ? 1 : 0);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready", checks });
  });
}
