import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { jobs } from "../schema/jobs.js";

export interface FinishJobInput {
  name: string;
  instanceId: string;
  now: Date;
  /** Replaces the job's saved state (e.g. a resume position); omitted keeps it. */
  state?: Record<string, unknown>;
}

/** Releases the lease and records the run time. False when this instance no longer holds the lease. */
export async function finishJob(db: DbOrTx, input: FinishJobInput): Promise<boolean> {
  const released = await db
    .update(jobs)
    .set({
      lockedBy: null,
      lockedUntil: null,
      lastRunAt: input.now,
      ...(input.state ? { state: input.state } : {}),
    })
    .where(and(eq(jobs.name, input.name), eq(jobs.lockedBy, input.instanceId)))
    .returning({ name: jobs.name });
  return released.length === 1;
}
