import { observeAuditAppends } from "@kuulo/db/audit";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Every Prometheus metric Kuulo exposes, in one registry per process (docs/metrics.md). Labels carry
 * route patterns, procedure names, status codes and outcomes only: never ids, usernames or addresses.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "kuulo_" });

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const longSeconds = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

export const metrics = {
  httpDuration: new Histogram({
    name: "kuulo_http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: seconds,
    registers: [registry],
  }),
  httpInFlight: new Gauge({
    name: "kuulo_http_requests_in_flight",
    help: "HTTP requests being answered now (probes excluded); SIGTERM waits for these",
    registers: [registry],
  }),
  httpResponses: new Counter({
    name: "kuulo_http_responses_total",
    help: "HTTP responses by route pattern and status code",
    labelNames: ["route", "status"] as const,
    registers: [registry],
  }),
  trpcDuration: new Histogram({
    name: "kuulo_trpc_procedure_duration_seconds",
    help: "tRPC request duration per procedure (a batched request counts for each of its procedures)",
    labelNames: ["procedure", "status"] as const,
    buckets: seconds,
    registers: [registry],
  }),
  ingestDuration: new Histogram({
    name: "kuulo_ingest_duration_seconds",
    help: "Ingest requests from the call recording system, upload to answer, by status",
    labelNames: ["status"] as const,
    buckets: longSeconds,
    registers: [registry],
  }),
  transcodeDuration: new Histogram({
    name: "kuulo_transcode_duration_seconds",
    help: "Audio jobs on worker threads (sniff, decode, peaks, Opus encode) by outcome",
    labelNames: ["outcome"] as const,
    buckets: longSeconds,
    registers: [registry],
  }),
  audioQueueDepth: new Gauge({
    name: "kuulo_audio_queue_depth",
    help: "Audio jobs waiting for a worker thread",
    registers: [registry],
  }),
  audioWorkersAlive: new Gauge({
    name: "kuulo_audio_workers_alive",
    help: "Audio worker threads running",
    registers: [registry],
  }),
  streamsInFlight: new Gauge({
    name: "kuulo_audio_streams_in_flight",
    help: "Audio responses being sent now",
    registers: [registry],
  }),
  audioBytesServed: new Counter({
    name: "kuulo_audio_bytes_served_total",
    help: "Audio bytes written to listeners",
    registers: [registry],
  }),
  auditAppendDuration: new Histogram({
    name: "kuulo_audit_append_duration_seconds",
    help: "Appending one row to the hash-chained audit log (waits for the chain lock)",
    buckets: seconds,
    registers: [registry],
  }),
  jobRuns: new Counter({
    name: "kuulo_job_runs_total",
    help: "Scheduled job runs by job and outcome (success, failure, skipped = another instance holds the lease)",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  }),
  jobLastSuccess: new Gauge({
    name: "kuulo_job_last_success_timestamp_seconds",
    help: "When a scheduled job last succeeded in this process (Unix time)",
    labelNames: ["job"] as const,
    registers: [registry],
  }),
  sessionChecks: new Counter({
    name: "kuulo_session_checks_total",
    help: "Session cookie validations by result (valid, invalid, expired)",
    labelNames: ["result"] as const,
    registers: [registry],
  }),
  listenFastPath: new Counter({
    name: "kuulo_listen_fast_path_total",
    help: "Audio requests by whether this instance's cached listen decision served them (hit) or not (miss)",
    labelNames: ["result"] as const,
    registers: [registry],
  }),
  ready: new Gauge({
    name: "kuulo_ready",
    help: "1 when the last /readyz check passed, 0 when it failed or the process is shutting down",
    registers: [registry],
  }),
};

/** Records one scheduled job run (retention purge, audit checkpoint). */
export function recordJobRun(job: string, outcome: "success" | "failure" | "skipped", at: Date): void {
  metrics.jobRuns.inc({ job, outcome });
  if (outcome === "success") metrics.jobLastSuccess.set({ job }, at.getTime() / 1000);
}

observeAuditAppends((secondsTaken) => metrics.auditAppendDuration.observe(secondsTaken));
