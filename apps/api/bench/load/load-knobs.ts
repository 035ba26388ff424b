import type { LoadOptions, LoadReport } from "./load-test.js";

type Knobs = Omit<LoadOptions, "serverUrl" | "nginxPath" | "log">;

const number = (value: string | undefined, fallback: number) => {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`not a non-negative number: ${value}`);
  return parsed;
};

/** The load's size and duration; the defaults are the issue's: 2 minutes, 200 listeners, 20 trainers, 2 calls/s. */
export function loadKnobs(env: Record<string, string | undefined>): Knobs {
  return {
    seconds: number(env.KUULO_LOAD_SECONDS, 120),
    listeners: number(env.KUULO_LOAD_LISTENERS, 200),
    trainers: number(env.KUULO_LOAD_TRAINERS, 20),
    ingestPerSecond: number(env.KUULO_LOAD_INGEST_PER_SECOND, 2),
    instances: number(env.KUULO_LOAD_INSTANCES, 3),
    thinkMs: number(env.KUULO_LOAD_THINK_MS, 500),
    dueRecordings: number(env.KUULO_LOAD_DUE_RECORDINGS, 200),
    purgeEverySeconds: number(env.KUULO_LOAD_PURGE_EVERY_SECONDS, 5),
  };
}

export function loadSummaryLines(report: LoadReport): string[] {
  const rows = Object.entries(report.kinds).map(
    ([kind, stats]) =>
      `| ${kind} | ${stats.requests} | ${stats.perSecond} | ${stats.p50Ms} / ${stats.p95Ms} / ${stats.p99Ms} | ${stats.errors} |`,
  );
  const { checks } = report;
  return [
    `${report.plan.instances} instances, ${report.plan.seconds} s, ${report.plan.listeners} listeners, ${report.plan.trainers} trainers, ingest ${report.plan.ingestPerSecond}/s: ${report.requestsPerSecond} requests/s, ${report.errors} errors`,
    "| kind | requests | per second | p50 / p95 / p99 ms | errors |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    `listens: ${checks.listenedPairs} listening sessions, ${checks.listensWithoutRow} without a row, ${checks.listensWithSeveralRows} with several, ${checks.rowsWithoutListen} rows without a listen`,
    `audit chain: ${checks.chain.ok ? `verifies (${checks.chain.count} rows)` : `BROKEN ${checks.chain.detail}`}`,
    `purge: ${report.purgeRuns} driver runs, ${checks.purged} recordings purged, ${checks.purgedTwice} twice; ingested during the load: ${report.ingested}`,
    `reconcile: ${JSON.stringify(checks.reconcile)}`,
    ...(report.errorSamples.length > 0 ? ["errors (first 20):", ...report.errorSamples] : []),
    report.clean ? "CLEAN" : "NOT CLEAN",
  ];
}
