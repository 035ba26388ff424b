import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client/index.js";
import { claimJob, finishJob } from "../src/queries/index.js";
import { jobs } from "../src/schema/index.js";
import { createTestDb, type TestDb } from "../src/testing/index.js";

const t0 = new Date(Date.UTC(2026, 10, 29, 3, 0));
const later = (ms: number) => new Date(t0.getTime() + ms);
const LEASE = 60_000;

describe("job lease", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets exactly one of several racing instances hold the lease", async () => {
    // On PostgreSQL each instance gets its own pool, as separate API processes would.
    const instances = t.databaseUrl
      ? await Promise.all([1, 2, 3, 4].map(() => createDb({ databaseUrl: t.databaseUrl })))
      : [t, t, t, t];
    try {
      const results = await Promise.all(
        instances.map((instance, i) =>
          claimJob(instance.db, { name: "retention.purge", instanceId: `api-${i}`, now: t0, leaseMs: LEASE }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      if (t.databaseUrl) await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it("lets the holder renew, refuses others until the lease expires, then allows a takeover", async () => {
    const job = { name: "test.renew", leaseMs: LEASE };
    expect(await claimJob(t.db, { ...job, instanceId: "a", now: t0 })).toBe(true);
    expect(await claimJob(t.db, { ...job, instanceId: "a", now: later(30_000) })).toBe(true);
    expect(await claimJob(t.db, { ...job, instanceId: "b", now: later(89_999) })).toBe(false);
    expect(await claimJob(t.db, { ...job, instanceId: "b", now: later(90_000) })).toBe(true);
    expect(await finishJob(t.db, { name: job.name, instanceId: "a", now: later(90_001) })).toBe(false);
  });

  it("releases the lease and saves the state on finish", async () => {
    const job = { name: "test.finish", leaseMs: LEASE };
    expect(await claimJob(t.db, { ...job, instanceId: "a", now: t0 })).toBe(true);
    expect(
      await finishJob(t.db, { name: job.name, instanceId: "a", now: later(5), state: { purged: 3 } }),
    ).toBe(true);
    const [row] = await t.db.select().from(jobs).where(eq(jobs.name, job.name));
    expect(row).toMatchObject({
      lockedBy: null,
      lockedUntil: null,
      lastRunAt: later(5),
      state: { purged: 3 },
    });
    expect(await claimJob(t.db, { ...job, instanceId: "b", now: later(10) })).toBe(true);
  });

  it("refuses a lease that is not a positive whole number of milliseconds", async () => {
    await expect(claimJob(t.db, { name: "x", instanceId: "a", now: t0, leaseMs: 0 })).rejects.toThrow(
      /^leaseMs:/,
    );
  });
});
