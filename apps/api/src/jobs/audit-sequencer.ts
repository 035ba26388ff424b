import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type LinkPendingAuditEventsOptions, linkPendingAuditEvents } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { claimJob, finishJob } from "@kuulo/db/queries";
import type { Config } from "../env.js";
import type { AppPlugin } from "../server/build-app.js";
import { writeAuditCheckpoint } from "../services/audit/write-checkpoint.js";
import type { Clock } from "../trpc/context.js";

export const AUDIT_SEQUENCER_JOB_NAME = "audit.sequencer";
const BATCH_SIZE = 500;

export interface AuditSequencerTickOptions {
  db: Database;
  config: Pick<Config, "auditCheckpoints">;
  clock: Clock;
  instanceId: string;
  log?: { error(obj: unknown, msg: string): void };
  /** Test hook: see linkPendingAuditEvents. */
  beforeCommit?: LinkPendingAuditEventsOptions["beforeCommit"];
}

/**
 * One run of the audit sequencer (R14, Certificate Transparency's "maximum merge delay" model): claim or
 * renew the single lease across instances, then link pending rows batch by batch and sign a checkpoint of
 * each batch's head. Returns null when another instance holds the lease.
 */
export async function runAuditSequencerTick(
  options: AuditSequencerTickOptions,
): Promise<{ linked: number; batches: number } | null> {
  const { db, config, clock, instanceId } = options;
  const claimed = await claimJob(db, {
    name: AUDIT_SEQUENCER_JOB_NAME,
    instanceId,
    now: clock.now(),
    leaseMs: Math.max(50, Math.floor(config.auditCheckpoints.maxMergeDelayMs / 2)),
  });
  if (!claimed) return null;
  let linked = 0;
  let batches = 0;
  for (;;) {
    const batch = await linkPendingAuditEvents(db, {
      batchSize: BATCH_SIZE,
      ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}),
    });
    if (batch.linked === 0) break;
    linked += batch.linked;
    batches += 1;
    if (config.auditCheckpoints.signingKey) {
      try {
        await writeAuditCheckpoint(db, config, clock.now(), batch.head);
      } catch (error) {
        // The chain is linked; the next batch's checkpoint covers this one too.
        options.log?.error({ err: error }, "audit checkpoint after a sequencer batch failed");
      }
    }
    if (batch.linked < BATCH_SIZE) break;
  }
  return { linked, batches };
}

/** Gives the lease back (shutdown, or a CLI command that linked its own rows). */
export async function releaseAuditSequencer(db: Database, clock: Clock, instanceId: string): Promise<void> {
  await finishJob(db, { name: AUDIT_SEQUENCER_JOB_NAME, instanceId, now: clock.now() });
}

export const newSequencerInstanceId = () => `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * Every API instance runs this; only the lease holder links, every 250 ms (a quarter of the maximum merge
 * delay if that is shorter), so rows wait ~0.1–0.3 s while the bound leaves room for load and failover.
 */
export const auditSequencerPlugin: AppPlugin = (app, deps) => {
  if (!deps.config.auditCheckpoints.sequencer) return;
  const instanceId = newSequencerInstanceId();
  const tickMs = Math.max(50, Math.min(250, Math.floor(deps.config.auditCheckpoints.maxMergeDelayMs / 4)));
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runAuditSequencerTick({
      db: deps.db,
      config: deps.config,
      clock: deps.clock,
      instanceId,
      log: deps.log,
    })
      .catch((error: unknown) => {
        deps.log.error({ err: error }, "audit sequencer run failed; the next run retries");
      })
      .finally(() => {
        running = null;
      });
  }, tickMs);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
    // A clean shutdown links what this instance (or any other) left pending, if it holds the lease.
    await runAuditSequencerTick({ db: deps.db, config: deps.config, clock: deps.clock, instanceId })
      .then((held) => (held ? releaseAuditSequencer(deps.db, deps.clock, instanceId) : undefined))
      .catch((error: unknown) => deps.log.error({ err: error }, "audit sequencer: final run failed"));
  });
};
