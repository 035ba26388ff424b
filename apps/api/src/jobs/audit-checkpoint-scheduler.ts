import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@kuulo/db/client";
import { claimJob, finishJob } from "@kuulo/db/queries";
import type { Config } from "../env.js";
import { recordJobRun } from "../observability/metrics.js";
import type { AppPlugin } from "../server/build-app.js";
import { type AuditCheckpoint, writeAuditCheckpoint } from "../services/audit/write-checkpoint.js";
import type { Clock } from "../trpc/context.js";

export const AUDIT_CHECKPOINT_JOB_NAME = "audit.checkpoint";

export interface AuditCheckpointTickOptions {
  db: Database;
  config: Pick<Config, "auditCheckpoints">;
  clock: Clock;
  instanceId: string;
  leaseMs: number;
  log?: { error(obj: unknown, msg: string): void };
}

/**
 * One scheduled checkpoint, taken only by the instance holding the database lease (claimJob, as the
 * retention job does) so several API instances on one PostgreSQL do not each append one.
 */
export async function runScheduledAuditCheckpoint(
  options: AuditCheckpointTickOptions,
): Promise<AuditCheckpoint | null> {
  const { db, clock, instanceId } = options;
  const claimed = await claimJob(db, {
    name: AUDIT_CHECKPOINT_JOB_NAME,
    instanceId,
    now: clock.now(),
    leaseMs: options.leaseMs,
  });
  if (!claimed) {
    recordJobRun(AUDIT_CHECKPOINT_JOB_NAME, "skipped", clock.now());
    return null;
  }
  try {
    const written = await writeAuditCheckpoint(db, options.config, clock.now());
    recordJobRun(AUDIT_CHECKPOINT_JOB_NAME, "success", clock.now());
    return written;
  } catch (error) {
    options.log?.error({ err: error }, "audit checkpoint failed; the next run writes one");
    recordJobRun(AUDIT_CHECKPOINT_JOB_NAME, "failure", clock.now());
    return null;
  } finally {
    await finishJob(db, { name: AUDIT_CHECKPOINT_JOB_NAME, instanceId, now: clock.now() });
  }
}

/**
 * Writes a checkpoint when the API starts and then every KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES
 * (0, or no signing key = off). The one at start bounds what could be cut from the chain's tail
 * before the first interval ends, e.g. by someone who restarts the API to reset the timer.
 */
export const auditCheckpointSchedulerPlugin: AppPlugin = (app, deps) => {
  const minutes = deps.config.auditCheckpoints.intervalMinutes;
  if (minutes === 0 || !deps.config.auditCheckpoints.signingKey) return;
  const intervalMs = minutes * 60_000;
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return running;
    running = runScheduledAuditCheckpoint({
      db: deps.db,
      config: deps.config,
      clock: deps.clock,
      instanceId,
      leaseMs: Math.max(intervalMs, 10 * 60_000),
      log: deps.log,
    }).finally(() => {
      running = null;
    });
    return running;
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    await tick();
    timer = setInterval(tick, intervalMs);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
};
