// One "API instance" of the audit append benchmark: its own process and connection pool, appending audit
// rows with `concurrency` requests in flight until the deadline, then printing {"appends": n} on stdout.
//   node … bench/audit-append-worker.ts <databaseUrl> <free|locked> <durationMs> <concurrency>
import { performance } from "node:perf_hooks";
import { appendAuditEvent } from "@kuulo/db/audit";
import { createDb } from "@kuulo/db/client";
import { sql } from "drizzle-orm";

/** The advisory lock key the previous append path serialised every append on. */
const PREVIOUS_GLOBAL_LOCK_KEY = 0x6b75756c6f41;

const [databaseUrl, mode, durationArg, concurrencyArg] = process.argv.slice(2);
if (!databaseUrl || (mode !== "free" && mode !== "locked"))
  throw new Error("usage: <url> free|locked <ms> <n>");
const kuuloDb = await createDb({ databaseUrl });
await kuuloDb.db.execute(sql`select 1`);
// Start-up (tsx, connecting) is not measured: every instance starts appending on the parent's "go".
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const deadline = performance.now() + Number(durationArg);
let appends = 0;

const event = () => ({
  actorType: "user" as const,
  actorId: "00000000-0000-4000-8000-000000000001",
  actorLabel: "kouluttaja",
  action: "recording.search",
  targetType: "recording",
  outcome: "success" as const,
  ip: "127.0.0.1",
  details: { filter: { limit: 50 }, returned: 50 },
  occurredAt: new Date(),
});

const worker = async () => {
  while (performance.now() < deadline) {
    if (mode === "free") {
      await appendAuditEvent(kuuloDb.db, event());
    } else {
      // Before the sequencer: every append took the chain-wide lock and read the head in its transaction.
      await kuuloDb.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(PREVIOUS_GLOBAL_LOCK_KEY))})`);
        await tx.execute(sql`select chain_seq, hash from audit_events order by seq desc limit 1`);
        await appendAuditEvent(tx, event());
      });
    }
    appends += 1;
  }
};
await Promise.all(Array.from({ length: Number(concurrencyArg) }, worker));
console.log(JSON.stringify({ appends }));
await kuuloDb.close();
