// A separate process on the test's PostgreSQL database, for audit-sequencer.test.ts:
//   writer <url> <events> <concurrency>  appends events in parallel transactions, prints "written N"
//   sequencer <url> <instanceId>         runs the audit sequencer and, on its first batch, prints
//                                        "mid-batch" and hangs before committing (the test kills it)
import { appendAuditEvent } from "@kuulo/db/audit";
import { createDb } from "@kuulo/db/client";
import { runAuditSequencerTick } from "../../src/jobs/audit-sequencer.js";
import { systemClock } from "../../src/trpc/context.js";

const [mode, databaseUrl, a, b] = process.argv.slice(2);
if (!databaseUrl) throw new Error("usage: audit-process writer|sequencer <url> …");
const kuuloDb = await createDb({ databaseUrl });

if (mode === "writer") {
  const events = Number(a);
  const concurrency = Number(b);
  let next = 0;
  const worker = async () => {
    while (next < events) {
      next += 1;
      await appendAuditEvent(kuuloDb.db, {
        actorType: "system",
        action: "recording.listen",
        targetType: "recording",
        targetId: `pid-${process.pid}-${next}`,
        outcome: "success",
        details: { writer: process.pid },
        occurredAt: new Date(),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`written ${events}`);
  await kuuloDb.close();
} else if (mode === "sequencer") {
  const config = {
    auditCheckpoints: {
      signingKey: undefined,
      file: "/dev/null",
      intervalMinutes: 0,
      maxMergeDelayMs: 1000,
      sequencer: true,
    },
  };
  for (;;) {
    await runAuditSequencerTick({
      db: kuuloDb.db,
      config,
      clock: systemClock,
      instanceId: a ?? "killed",
      beforeCommit: async (batch) => {
        console.log(`mid-batch ${batch.linked}`);
        await new Promise(() => {});
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
