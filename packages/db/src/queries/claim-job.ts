import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { jobs } from "../schema/jobs.js";

export interface ClaimJobInput {
  name: string;
  /** Unique per running API process, e.g. hostname + pid + random. */
  instanceId: string;
  now: Date;
  leaseMs: number;
}

/**
 * Takes (or renews) the lease on a named job. One conditional UPDATE decides, so when several instances
 * race exactly one wins; an expired lease can be taken over by anyone (the holder crashed).
 */
export async function claimJob(db: DbOrTx, input: ClaimJobInput): Promise<boolean> {
  if (!Number.isInteger(input.leaseMs) || input.leaseMs < 1)
    throw new Error("leaseMs: must be a positive integer");
  await db.insert(jobs).values({ name: input.name }).onConflictDoNothing();
  const claimed = await db
    .update(jobs)
    .set({ lockedBy: input.instanceId, lockedUntil: new Date(input.now.getTime() + input.leaseMs) })
    .where(
      and(
        eq(jobs.name, input.name),
        or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, input.now), eq(jobs.lockedBy, input.instanceId)),
      ),
    )
    .returning({ name: jobs.name });
  return claimed.length === 1;
}
