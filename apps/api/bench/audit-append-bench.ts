import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { verifyAuditChain } from "@kuulo/db/audit";
import type { KuuloDb } from "@kuulo/db/client";
import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";
import { runAuditSequencerTick } from "../src/jobs/audit-sequencer.js";
import { systemClock } from "../src/trpc/context.js";
import { round } from "./measure.js";

export interface AuditAppendRun {
  /** "free": insert with content hash, the sequencer links; "locked": the previous global advisory lock. */
  mode: "free" | "locked";
  instances: number;
  concurrencyPerInstance: number;
  appends: number;
  seconds: number;
  appendsPerSecond: number;
}

export interface AuditAppendResult {
  runs: AuditAppendRun[];
  /** Free appends/s with 3 instances ÷ with 1 (the target: grows with instances), at the most in flight. */
  freeScaling: number | null;
  lockedScaling: number | null;
  /** The same ratios for every in-flight count measured. */
  scaling: { concurrencyPerInstance: number; free: number | null; locked: number | null }[];
  /** The API instance's sequencer linking everything written, and the chain verified afterwards. */
  sequencer: {
    rowsLinked: number;
    /** linked_at − recorded_at: how long rows waited for the sequencer (target: within 1 s). */
    mergeDelayP50Ms: number;
    mergeDelayP99Ms: number;
    mergeDelayMaxMs: number;
    verified: boolean;
  };
}

interface Worker {
  ready: Promise<void>;
  go(): void;
  appends: Promise<number>;
}

function startWorker(
  databaseUrl: string,
  mode: "free" | "locked",
  durationMs: number,
  concurrency: number,
): Worker {
  const child = spawn(
    process.execPath,
    [
      "--conditions=@kuulo/source",
      "--import",
      "tsx",
      "bench/audit-append-worker.ts",
      databaseUrl,
      mode,
      String(durationMs),
      String(concurrency),
    ],
    { cwd: join(import.meta.dirname, ".."), stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("ready\n")) markReady();
  });
  const appends = new Promise<number>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`audit append worker exited ${code}`));
      resolve((JSON.parse(output.trim().split("\n").pop() ?? "{}") as { appends: number }).appends);
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), appends };
}

/**
 * Audit appends per second from 1 and 3 processes (each its own pool, like API instances), with the
 * previous global lock and without it; then the one sequencer links the lot and the chain is verified.
 *
 * Each in-flight count is measured: with one append in flight per instance the work is bound by round
 * trips and commits, not by the CPU, so it shows whether instances wait on each other (the global lock
 * serialises them; without it they add up). With many in flight two cores are saturated by one instance
 * and PostgreSQL, so no design can add throughput there; that row shows what the CPU allows.
 */
export async function runAuditAppendBench(
  kuuloDb: KuuloDb,
  databaseUrl: string,
  durationMs: number,
  concurrencies: number[],
  log: (line: string) => void,
): Promise<AuditAppendResult> {
  // The linking is done by the API instance's own sequencer (startBenchApp), as in production.
  const runs: AuditAppendRun[] = [];
  for (const concurrency of concurrencies)
    for (const mode of ["locked", "free"] as const) {
      for (const instances of [1, 3]) {
        const workers = Array.from({ length: instances }, () =>
          startWorker(databaseUrl, mode, durationMs, concurrency),
        );
        await Promise.all(workers.map((worker) => worker.ready));
        const started = performance.now();
        for (const worker of workers) worker.go();
        const counts = await Promise.all(workers.map((worker) => worker.appends));
        const seconds = durationMs / 1000;
        const appends = counts.reduce((sum, n) => sum + n, 0);
        const run = {
          mode,
          instances,
          concurrencyPerInstance: concurrency,
          appends,
          seconds,
          appendsPerSecond: round(appends / seconds, 0),
        };
        runs.push(run);
        log(
          `  ${mode === "free" ? "no chain lock (sequencer)" : "global advisory lock (before)"} × ${instances} instance(s) × ${concurrency} in flight: ${run.appendsPerSecond} appends/s (${appends} in ${round((performance.now() - started) / 1000, 1)} s wall)`,
        );
      }
    }
  const config = {
    auditCheckpoints: {
      signingKey: undefined,
      file: "/dev/null",
      intervalMinutes: 0,
      maxMergeDelayMs: 1000,
      sequencer: true,
    },
  };
  // Wait on state: until nothing is pending (whichever instance holds the sequencer lease links it).
  for (;;) {
    const [pending] = await queryRows<{ n: number }>(
      kuuloDb.db,
      sql`select count(*)::int as n from audit_events where chain_seq is null`,
    );
    if (Number(pending?.n) === 0) break;
    await runAuditSequencerTick({ db: kuuloDb.db, config, clock: systemClock, instanceId: "bench" });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const [delay] = await queryRows<{
    rows: number;
    p50: number | null;
    p99: number | null;
    max: number | null;
  }>(
    kuuloDb.db,
    sql`select count(*)::int as rows,
          percentile_cont(0.5) within group (order by extract(epoch from linked_at - recorded_at)) * 1000 as p50,
          percentile_cont(0.99) within group (order by extract(epoch from linked_at - recorded_at)) * 1000 as p99,
          max(extract(epoch from linked_at - recorded_at)) * 1000 as max
        from audit_events where content_hash is not null`,
  );
  const verification = await verifyAuditChain(kuuloDb.db, { maxMergeDelayMs: 3_600_000 });
  const perSecond = (mode: string, instances: number, concurrency: number) =>
    runs.find(
      (run) => run.mode === mode && run.instances === instances && run.concurrencyPerInstance === concurrency,
    )?.appendsPerSecond ?? 0;
  const ratio = (mode: string, concurrency: number) =>
    perSecond(mode, 1, concurrency) > 0
      ? round(perSecond(mode, 3, concurrency) / perSecond(mode, 1, concurrency), 2)
      : null;
  const scaling = concurrencies.map((concurrency) => ({
    concurrencyPerInstance: concurrency,
    free: ratio("free", concurrency),
    locked: ratio("locked", concurrency),
  }));
  const most = Math.max(...concurrencies);
  const sequencer = {
    rowsLinked: Number(delay?.rows ?? 0),
    mergeDelayP50Ms: round(Number(delay?.p50 ?? Number.NaN), 0),
    mergeDelayP99Ms: round(Number(delay?.p99 ?? Number.NaN), 0),
    mergeDelayMaxMs: round(Number(delay?.max ?? Number.NaN), 0),
    verified: verification.ok,
  };
  log(
    `  merge delay (insert → linked) p50 ${sequencer.mergeDelayP50Ms} ms, p99 ${sequencer.mergeDelayP99Ms} ms, max ${sequencer.mergeDelayMaxMs} ms over ${sequencer.rowsLinked} rows; chain ${sequencer.verified ? "verifies" : "DOES NOT verify"}`,
  );
  return {
    runs,
    freeScaling: ratio("free", most),
    lockedScaling: ratio("locked", most),
    scaling,
    sequencer,
  };
}
