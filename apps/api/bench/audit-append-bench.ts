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
  /** Free appends/s with 3 instances ÷ with 1 (the target: grows with instances). */
  freeScaling: number | null;
  lockedScaling: number | null;
  /** The single sequencer linking everything written: rows/s, and the chain verified afterwards. */
  sequencer: {
    rowsLinked: number;
    /** Time spent inside sequencer runs that linked rows. */
    seconds: number;
    rowsPerSecond: number;
    /** Rows still unlinked when the appends stopped (0–1 batch when it keeps up). */
    backlogAtEnd: number;
    verified: boolean;
  };
}

function runWorker(databaseUrl: string, mode: "free" | "locked", durationMs: number, concurrency: number) {
  return new Promise<number>((resolve, reject) => {
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
      { cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`audit append worker exited ${code}`));
      resolve((JSON.parse(output.trim().split("\n").pop() ?? "{}") as { appends: number }).appends);
    });
  });
}

/**
 * Audit appends per second from 1 and 3 processes (each its own pool, like API instances), with the
 * previous global lock and without it; then the one sequencer links the lot and the chain is verified.
 */
export async function runAuditAppendBench(
  kuuloDb: KuuloDb,
  databaseUrl: string,
  durationMs: number,
  concurrency: number,
  log: (line: string) => void,
): Promise<AuditAppendResult> {
  const config = {
    auditCheckpoints: { signingKey: undefined, file: "/dev/null", intervalMinutes: 0, maxMergeDelayMs: 1000 },
  };
  let rowsLinked = 0;
  let linkingMs = 0;
  // Time spent in runs that linked something: the sequencer's own rate, whatever the arrival rate.
  const tick = async () => {
    const started = performance.now();
    const result = await runAuditSequencerTick({
      db: kuuloDb.db,
      config,
      clock: systemClock,
      instanceId: "bench",
    });
    if (result && result.linked > 0) {
      rowsLinked += result.linked;
      linkingMs += performance.now() - started;
    }
    return result;
  };
  // The sequencer runs throughout, as in production (every quarter of the 1 s merge delay).
  let stopped = false;
  const background = (async () => {
    while (!stopped) {
      await tick();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const runs: AuditAppendRun[] = [];
  for (const mode of ["locked", "free"] as const) {
    for (const instances of [1, 3]) {
      const started = performance.now();
      const counts = await Promise.all(
        Array.from({ length: instances }, () => runWorker(databaseUrl, mode, durationMs, concurrency)),
      );
      // Process start-up is excluded: each worker appends for durationMs.
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
        `  ${mode === "free" ? "no chain lock (sequencer)" : "global advisory lock (before)"} × ${instances} instance(s): ${run.appendsPerSecond} appends/s (${appends} in ${round((performance.now() - started) / 1000, 1)} s wall)`,
      );
    }
  }
  stopped = true;
  await background;
  const [backlog] = await queryRows<{ n: number }>(
    kuuloDb.db,
    sql`select count(*)::int as n from audit_events where chain_seq is null`,
  );
  for (;;) {
    const result = await tick();
    if (!result) throw new Error("another sequencer holds the lease");
    if (result.linked === 0) break;
  }
  const seconds = linkingMs / 1000;
  const verification = await verifyAuditChain(kuuloDb.db, { maxMergeDelayMs: 3_600_000 });
  const [pending] = await queryRows<{ n: number }>(
    kuuloDb.db,
    sql`select count(*)::int as n from audit_events where chain_seq is null`,
  );
  const perSecond = (mode: string, instances: number) =>
    runs.find((run) => run.mode === mode && run.instances === instances)?.appendsPerSecond ?? 0;
  const ratio = (mode: string) =>
    perSecond(mode, 1) > 0 ? round(perSecond(mode, 3) / perSecond(mode, 1), 2) : null;
  const sequencer = {
    rowsLinked,
    seconds: round(seconds, 2),
    rowsPerSecond: round(rowsLinked / Math.max(seconds, 0.001), 0),
    backlogAtEnd: Number(backlog?.n ?? 0),
    verified: verification.ok && Number(pending?.n) === 0,
  };
  log(
    `  sequencer linked ${rowsLinked} rows in ${sequencer.seconds} s (${sequencer.rowsPerSecond} rows/s); chain ${sequencer.verified ? "verifies" : "DOES NOT verify"}`,
  );
  return { runs, freeScaling: ratio("free"), lockedScaling: ratio("locked"), sequencer };
}
