import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { appendAuditEvent, verifyAuditChain } from "@kuulo/db/audit";
import { queryRows } from "@kuulo/db/client";
import { createTestDb, type TestDb, testDatabaseUrl } from "@kuulo/db/testing";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { runAuditSequencerTick } from "../src/jobs/audit-sequencer.js";
import { systemClock } from "../src/trpc/context.js";
import { createAnotherInstance, createTestApp, type TestApp } from "./helpers/test-app.js";

const config = {
  auditCheckpoints: {
    signingKey: undefined,
    file: "/dev/null",
    intervalMinutes: 0,
    maxMergeDelayMs: 1000,
    sequencer: true,
  },
};

/** Every row is in the chain exactly once: positions 1..n, one row each, none left unlinked. */
async function expectLinkedOnce(db: TestDb["db"], total: number) {
  const [stats] = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select count(*) as rows, count(chain_seq) as linked, count(distinct chain_seq) as positions,
          min(chain_seq) as first, max(chain_seq) as last from audit_events`,
  );
  expect(Object.fromEntries(Object.entries(stats ?? {}).map(([key, value]) => [key, Number(value)]))).toEqual(
    {
      rows: total,
      linked: total,
      positions: total,
      first: 1,
      last: total,
    },
  );
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: total, pending: 0 });
}

const event = (n: number) => ({
  actorType: "system" as const,
  action: "recording.listen",
  targetType: "recording",
  targetId: `rec-${n}`,
  outcome: "success" as const,
  occurredAt: new Date(),
});

/** Links until `total` rows are in the chain, taking the lease over once the dead holder's expires. */
async function sequenceUntil(db: TestDb["db"], total: number, instanceId: string) {
  for (;;) {
    await runAuditSequencerTick({ db, config, clock: systemClock, instanceId });
    const [row] = await queryRows<{ linked: string | number }>(
      db,
      sql`select count(chain_seq) as linked from audit_events`,
    );
    if (Number(row?.linked) >= total) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("audit sequencer, several processes on PostgreSQL", { timeout: 240_000 }, () => {
  const children: ChildProcess[] = [];
  let t: TestDb | undefined;
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await t?.close();
  });

  it.skipIf(!testDatabaseUrl())(
    "links every row once while three writer processes append and the sequencer is killed mid-batch",
    async () => {
      t = await createTestDb();
      const url = t.databaseUrl ?? "";
      const perWriter = 400;
      const writers = [1, 2, 3].map(() => start(["writer", url, String(perWriter), "8"]));
      children.push(...writers.map((writer) => writer.child));
      const doomed = start(["sequencer", url, "doomed"]);
      children.push(doomed.child);
      // Kill it while its batch is computed and written but not committed.
      await doomed.line(/^mid-batch \d+/);
      doomed.child.kill("SIGKILL");
      await doomed.exited;
      for (const writer of writers) expect(await writer.exited).toBe(0);
      const total = perWriter * writers.length;
      await sequenceUntil(t.db, total, "restarted");
      await expectLinkedOnce(t.db, total);
    },
  );
});

describe("audit sequencer, one process (PGlite and PostgreSQL)", { timeout: 240_000 }, () => {
  let a: TestApp;
  let b: TestApp | undefined;
  afterEach(async () => {
    await b?.close();
    await a.close();
  });

  it("two app instances append in parallel; a batch dies before commit; the restarted run links all once", async () => {
    a = await createTestApp();
    b = await createAnotherInstance(a);
    const appendOn = (from: number, to: number) =>
      [a, b as TestApp].flatMap((app, i) =>
        Array.from({ length: to - from }, (_, n) => appendAuditEvent(app.db, event(i * 100 + from + n))),
      );
    await Promise.all(appendOn(0, 10));
    const appends = appendOn(10, 30);
    // Its outcome is taken at once: the tick may fail before the appends finish, and a rejection left
    // unobserved until then is an unhandled rejection that fails the whole run.
    const killed = runAuditSequencerTick({
      db: a.db,
      config,
      clock: systemClock,
      instanceId: "doomed",
      beforeCommit: async () => {
        throw new Error("killed mid-batch");
      },
    }).then(
      () => "committed",
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await Promise.all(appends);
    expect(await killed).toBe("killed mid-batch");
    const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
      a.db,
      sql`select count(*)::int as total from audit_events`,
    );
    await sequenceUntil(b.db, total, "restarted");
    await expectLinkedOnce(a.db, total);
  });
});

function start(args: string[]) {
  const child = spawn(
    process.execPath,
    ["--conditions=@kuulo/source", "--import", "tsx", "test/helpers/audit-process.ts", ...args],
    { cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiters]) {
      if (output.split("\n").some((text) => waiter.pattern.test(text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    line: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`process exited (${code}) before ${pattern}`)));
      }),
  };
}
