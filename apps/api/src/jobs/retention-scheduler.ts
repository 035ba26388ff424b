import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@kuulo/db/client";
import { claimJob, finishJob } from "@kuulo/db/queries";
import { jobRuns } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import type { ErasureJournal } from "../backup/erasure-journal.js";
import { journalOf } from "../backup/journal-of.js";
import { recordJobRun } from "../observability/metrics.js";
import type { AppPlugin } from "../server/build-app.js";
import { storeOf } from "../services/retention/store-of.js";
import type { EncryptedBlobStore } from "../storage/index.js";
import type { Clock } from "../trpc/context.js";
import { expireTrainingDisclosures } from "./expire-disclosures.js";
import { RETENTION_JOB_NAME, type RetentionPurgeResult, runRetentionPurge } from "./retention-purge.js";

export interface RetentionTickOptions {
  db: Database;
  store: EncryptedBlobStore;
  clock: Clock;
  journal: ErasureJournal;
  instanceId: string;
  leaseMs: number;
  log?: { warn(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
}

/**
 * One scheduled run: only the instance holding the database lease (claimJob) purges, so several API
 * instances on one PostgreSQL never run it at once; the run is recorded in job_runs (counts only).
 */
export async function runScheduledRetention(
  options: RetentionTickOptions,
): Promise<RetentionPurgeResult | null> {
  const { db, clock, instanceId } = options;
  const claimed = await claimJob(db, {
    name: RETENTION_JOB_NAME,
    instanceId,
    now: clock.now(),
    leaseMs: options.leaseMs,
  });
  if (!claimed) {
    recordJobRun(RETENTION_JOB_NAME, "skipped", clock.now());
    return null;
  }
  const [run] = await db
    .insert(jobRuns)
    .values({ jobName: RETENTION_JOB_NAME, instanceId, startedAt: clock.now() })
    .returning({ id: jobRuns.id });
  try {
    const expired = await expireTrainingDisclosures(db, clock.now());
    const result = await runRetentionPurge({ ...options, log: options.log });
    if (run) {
      await db
        .update(jobRuns)
        .set({
          finishedAt: clock.now(),
          outcome: "success",
          processed: result.items.length,
          summary: {
            purged: result.items.length,
            skipped: result.skipped,
            staffMembersRemoved: result.staffMembersRemoved,
            objectDeleteFailures: result.objectDeleteFailures.length,
            disclosuresExpired: expired,
          },
        })
        .where(eq(jobRuns.id, run.id));
    }
    recordJobRun(RETENTION_JOB_NAME, "success", clock.now());
    return result;
  } catch (error) {
    options.log?.error({ err: error }, "retention purge failed; the next run resumes it");
    recordJobRun(RETENTION_JOB_NAME, "failure", clock.now());
    if (run) {
      await db
        .update(jobRuns)
        .set({
          finishedAt: clock.now(),
          outcome: "failure",
          error: error instanceof Error ? error.name : "error",
        })
        .where(eq(jobRuns.id, run.id));
    }
    return null;
  } finally {
    await finishJob(db, { name: RETENTION_JOB_NAME, instanceId, now: clock.now() });
  }
}

/** Runs the purge every KUULO_RETENTION_INTERVAL_MINUTES inside the API (0 = off, e.g. cron + CLI instead). */
export const retentionSchedulerPlugin: AppPlugin = (app, deps) => {
  const minutes = deps.config.retentionIntervalMinutes;
  if (minutes === 0) return;
  const store = storeOf(deps);
  const intervalMs = minutes * 60_000;
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = runScheduledRetention({
      db: deps.db,
      store,
      clock: deps.clock,
      journal: journalOf(deps),
      instanceId,
      leaseMs: Math.max(intervalMs, 10 * 60_000),
      log: deps.log,
    }).finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
};
