import { randomInt } from "node:crypto";
import type { Agent } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { httpRequest, keepAliveAgent } from "../http-client.js";
import { type DemoFile, ingestOne } from "../ingest-bench.js";
import { percentile, round } from "../measure.js";

export type LoadKind = "listen.open" | "listen.seek" | "search.page" | "search.count" | "ingest";

export interface KindReport {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** Latencies and failures per kind of request; the first few failures are kept to be shown. */
export class LoadRecorder {
  private readonly latencies = new Map<LoadKind, number[]>();
  private readonly failures = new Map<LoadKind, number>();
  readonly errorSamples: string[] = [];

  record(kind: LoadKind, ms: number): void {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
  }

  fail(kind: LoadKind, detail: string): void {
    this.failures.set(kind, (this.failures.get(kind) ?? 0) + 1);
    if (this.errorSamples.length < 20) this.errorSamples.push(`${kind}: ${detail}`);
  }

  get errors(): number {
    return [...this.failures.values()].reduce((sum, count) => sum + count, 0);
  }

  report(seconds: number): Record<LoadKind, KindReport> {
    const kinds: LoadKind[] = ["listen.open", "listen.seek", "search.page", "search.count", "ingest"];
    return Object.fromEntries(
      kinds.map((kind) => {
        const sorted = [...(this.latencies.get(kind) ?? [])].sort((a, b) => a - b);
        return [
          kind,
          {
            requests: sorted.length,
            errors: this.failures.get(kind) ?? 0,
            perSecond: round(sorted.length / seconds, 1),
            p50Ms: round(percentile(sorted, 50), 1),
            p95Ms: round(percentile(sorted, 95), 1),
            p99Ms: round(percentile(sorted, 99), 1),
          },
        ];
      }),
    ) as Record<LoadKind, KindReport>;
  }
}

export interface Listenable {
  id: string;
  size: number;
}

export interface LoadPlan {
  seconds: number;
  listeners: number;
  trainers: number;
  ingestPerSecond: number;
  /** Pause of a listener or trainer between its requests (a person, not a loop). */
  thinkMs: number;
}

export interface LoadTargets {
  baseUrl: string;
  ingestToken: string;
  listenerCookies: string[];
  trainerCookies: string[];
  listenable: Listenable[];
  demoFiles: DemoFile[];
}

/** Every (listener session, recording) pair that was sent audio: each must have exactly one listen row. */
export type ServedPairs = Map<number, Set<string>>;

async function timed(
  recorder: LoadRecorder,
  kind: LoadKind,
  run: () => Promise<{ status: number; body: Buffer }>,
  expect: (status: number) => boolean,
) {
  const started = performance.now();
  try {
    const response = await run();
    if (!expect(response.status)) {
      recorder.fail(kind, `${response.status} ${response.body.toString().slice(0, 200)}`);
      return null;
    }
    recorder.record(kind, performance.now() - started);
    return response;
  } catch (error) {
    recorder.fail(kind, String(error));
    return null;
  }
}

/**
 * A browser's Range pattern on one recording: `bytes=0-` first (the player's opening request, read to the
 * end), then one to four seeks, each a 64 KiB range from a random position.
 */
async function listener(
  index: number,
  targets: LoadTargets,
  plan: LoadPlan,
  recorder: LoadRecorder,
  served: ServedPairs,
  stopped: () => boolean,
) {
  const agent: Agent = keepAliveAgent(1);
  const cookie = targets.listenerCookies[index] ?? "";
  const mine = served.get(index) ?? new Set<string>();
  served.set(index, mine);
  try {
    while (!stopped()) {
      const recording = targets.listenable[randomInt(targets.listenable.length)];
      if (!recording) return;
      const url = `${targets.baseUrl}/media/recordings/${recording.id}/audio`;
      const opened = await timed(
        recorder,
        "listen.open",
        () => httpRequest(agent, url, { headers: { cookie, range: "bytes=0-" } }),
        (status) => status === 206,
      );
      if (opened) mine.add(recording.id);
      const seeks = 1 + randomInt(4);
      for (let seek = 0; seek < seeks && !stopped(); seek++) {
        if (plan.thinkMs > 0) await sleep(randomInt(plan.thinkMs) + plan.thinkMs / 2);
        const start = randomInt(Math.max(1, recording.size - 1));
        const end = Math.min(recording.size - 1, start + 65_535);
        const range = await timed(
          recorder,
          "listen.seek",
          () => httpRequest(agent, url, { headers: { cookie, range: `bytes=${start}-${end}` } }),
          (status) => status === 206,
        );
        if (range) mine.add(recording.id);
      }
    }
  } finally {
    agent.destroy();
  }
}

/** A trainer searching: the first page, then following the cursor up to four pages deeper, then a count. */
async function trainer(
  index: number,
  targets: LoadTargets,
  plan: LoadPlan,
  recorder: LoadRecorder,
  stopped: () => boolean,
) {
  const agent = keepAliveAgent(1);
  const cookie = targets.trainerCookies[index] ?? "";
  const call = (procedure: string, input: unknown) =>
    httpRequest(
      agent,
      `${targets.baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers: { cookie } },
    );
  try {
    while (!stopped()) {
      let cursor: string | null = null;
      const pages = 1 + randomInt(5);
      for (let page = 0; page < pages && !stopped(); page++) {
        const input: Record<string, unknown> = { limit: 50, ...(cursor ? { cursor } : {}) };
        const response = await timed(
          recorder,
          "search.page",
          () => call("recordings.find", input),
          (status) => status === 200,
        );
        if (!response) break;
        const body = JSON.parse(response.body.toString()) as {
          result?: { data?: { nextCursor?: string | null } };
        };
        cursor = body.result?.data?.nextCursor ?? null;
        if (!cursor) break;
        if (plan.thinkMs > 0) await sleep(randomInt(plan.thinkMs) + plan.thinkMs / 2);
      }
      if (stopped()) break;
      await timed(
        recorder,
        "search.count",
        () => call("recordings.count", {}),
        (status) => status === 200,
      );
      if (plan.thinkMs > 0) await sleep(randomInt(plan.thinkMs) + plan.thinkMs / 2);
    }
  } finally {
    agent.destroy();
  }
}

/** Open-loop ingest: a new call every 1/rate seconds whatever the previous ones are doing. */
async function ingester(
  targets: LoadTargets,
  plan: LoadPlan,
  recorder: LoadRecorder,
  stopped: () => boolean,
  runId: string,
): Promise<string[]> {
  if (plan.ingestPerSecond <= 0) return [];
  const agent = keepAliveAgent(16);
  const inFlight = new Set<Promise<void>>();
  const ingested: string[] = [];
  const intervalMs = 1000 / plan.ingestPerSecond;
  const started = performance.now();
  try {
    for (let n = 0; !stopped(); n++) {
      const file = targets.demoFiles[n % targets.demoFiles.length];
      if (!file) break;
      const metadata = {
        ...file.metadata,
        sourceRecordingId: `load-${runId}-${n}`,
        callStartedAt: new Date(Date.now() - 3_600_000).toISOString(),
      };
      const began = performance.now();
      const job = ingestOne(
        agent,
        { baseUrl: targets.baseUrl, ingestToken: targets.ingestToken },
        file,
        metadata,
      )
        .then((recording) => {
          recorder.record("ingest", performance.now() - began);
          ingested.push(recording.id);
        })
        .catch((error: unknown) => recorder.fail("ingest", String(error).slice(0, 300)))
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      // The schedule is the load's definition (calls per second), not a synchronisation.
      const nextAt = started + (n + 1) * intervalMs;
      const wait = nextAt - performance.now();
      if (wait > 0) await sleep(wait);
    }
    await Promise.all(inFlight);
  } finally {
    agent.destroy();
  }
  return ingested;
}

export interface DriveResult {
  seconds: number;
  served: ServedPairs;
  ingested: string[];
}

/** Runs every driver for plan.seconds, then waits for whatever each had in flight. */
export async function drive(
  targets: LoadTargets,
  plan: LoadPlan,
  recorder: LoadRecorder,
  extra: (stopped: () => boolean) => Promise<void>,
): Promise<DriveResult> {
  let stop = false;
  const stopped = () => stop;
  const served: ServedPairs = new Map();
  const runId = Date.now().toString(36);
  const started = performance.now();
  const timer = setTimeout(() => {
    stop = true;
  }, plan.seconds * 1000);
  try {
    const [, , ingested] = await Promise.all([
      Promise.all(
        Array.from({ length: plan.listeners }, (_, i) =>
          listener(i, targets, plan, recorder, served, stopped),
        ),
      ),
      Promise.all(
        Array.from({ length: plan.trainers }, (_, i) => trainer(i, targets, plan, recorder, stopped)),
      ),
      ingester(targets, plan, recorder, stopped, runId),
      extra(stopped),
    ]);
    return { seconds: (performance.now() - started) / 1000, served, ingested };
  } finally {
    clearTimeout(timer);
  }
}
