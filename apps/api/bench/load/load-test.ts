import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appendAuditEvent } from "@kuulo/db/audit";
import { queryRows } from "@kuulo/db/client";
import { recordings, users } from "@kuulo/db/schema";
import { computeRetention, DEFAULT_RETENTION_POLICY } from "@kuulo/domain/retention";
import { eq, sql } from "drizzle-orm";
import { sessionCookieName } from "../../src/auth/session-cookie.js";
import { hashToken } from "../../src/auth/session-token.js";
import { createSession } from "../../src/auth/sessions.js";
import { journalOf } from "../../src/backup/journal-of.js";
import { reconcileStorage } from "../../src/cli/storage-reconcile.js";
import { REPO_ROOT } from "../../src/env.js";
import { runAuditSequencerTick } from "../../src/jobs/audit-sequencer.js";
import { runScheduledRetention } from "../../src/jobs/retention-scheduler.js";
import { insertApiToken } from "../../src/services/api-tokens/create.js";
import { verifyAuditWithCheckpoints } from "../../src/services/audit/verify.js";
import { listeningSessionTag } from "../../src/services/recordings/record-listening-session.js";
import { storeOf } from "../../src/services/retention/store-of.js";
import { keepAliveAgent } from "../http-client.js";
import { type DemoFile, ingestOne, loadDemoFiles } from "../ingest-bench.js";
import { type Cluster, startCluster } from "./cluster.js";
import {
  drive,
  type KindReport,
  type Listenable,
  type LoadKind,
  type LoadPlan,
  LoadRecorder,
} from "./drivers.js";

export interface LoadOptions extends LoadPlan {
  serverUrl: string;
  instances: number;
  nginxPath: string;
  /** Recordings already due for purge when the load starts (the retention purge has work). */
  dueRecordings: number;
  /** How often the driver runs the scheduled retention job itself, besides the instances' schedulers. */
  purgeEverySeconds: number;
  /** How many demo calls are ingested before the load for the listeners (default 6). */
  listenableCalls?: number;
  databaseName?: string;
  roles?: { owner: string; runtime: string };
  log?: (line: string) => void;
}

export interface LoadChecks {
  /** (listener session, recording) pairs that were sent audio. */
  listenedPairs: number;
  /** Pairs served without a listen row, pairs with more than one, and rows for pairs never served. */
  listensWithoutRow: number;
  listensWithSeveralRows: number;
  rowsWithoutListen: number;
  chain: { ok: boolean; count: number; detail?: string };
  purged: number;
  purgedTwice: number;
  reconcile: {
    orphanObjects: number;
    youngOrphans: number;
    missingObjects: number;
    missingExportObjects: number;
  };
}

export interface LoadReport {
  plan: LoadPlan & { instances: number; dueRecordings: number };
  seconds: number;
  requestsPerSecond: number;
  kinds: Record<LoadKind, KindReport>;
  purgeRuns: number;
  errors: number;
  errorSamples: string[];
  ingested: number;
  checks: LoadChecks;
  /** True when there were no errors and every check holds. */
  clean: boolean;
}

/** Two published recordings per demo call in HKI-ASPA (the trainers' and listeners' unit) to listen to. */
async function ingestListenable(cluster: Cluster, token: string, files: DemoFile[]): Promise<Listenable[]> {
  const agent = keepAliveAgent(2);
  const listenable: Listenable[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const recording = await ingestOne(agent, { baseUrl: cluster.baseUrl, ingestToken: token }, file, {
        ...file.metadata,
        sourceRecordingId: `load-listen-${i}`,
        unitCode: "HKI-ASPA",
        callStartedAt: new Date(Date.now() - 86_400_000).toISOString(),
      });
      const [row] = await cluster.kuuloDb.db
        .select({ size: recordings.storedSizeBytes })
        .from(recordings)
        .where(eq(recordings.id, recording.id));
      listenable.push({ id: recording.id, size: row?.size ?? 0 });
    }
  } finally {
    agent.destroy();
  }
  return listenable;
}

/** Recordings whose retention has run out, with real encrypted objects, so the purge has work to do. */
async function insertDueRecordings(cluster: Cluster, count: number, staffMemberId: string, unitId: string) {
  const store = storeOf({ config: cluster.config, masterKey: cluster.masterKey });
  const callStartedAt = new Date(Date.now() - 10 * 365 * 86_400_000);
  const decision = computeRetention(
    { callStartedAt, legalHold: false },
    DEFAULT_RETENTION_POLICY,
    new Date(),
  );
  for (let i = 0; i < count; i++) {
    const storageKey = `rec/${randomUUID()}`;
    const audio = randomBytes(4000);
    const put = await store.putEncrypted(storageKey, audio);
    await cluster.kuuloDb.db.insert(recordings).values({
      sourceSystemId: cluster.config.ingest.sourceSystem,
      sourceRecordingId: `load-due-${i}`,
      staffMemberId,
      unitId,
      callStartedAt,
      durationMs: 30_000,
      originalFormat: "wav-pcm16",
      originalSha256: "a".repeat(64),
      originalSizeBytes: 8000,
      storedFormat: "webm-opus",
      storedSizeBytes: audio.length,
      storedSha256: "b".repeat(64),
      storageKey,
      wrappedDataKey: put.wrappedKey,
      keyId: put.keyId,
      retentionCategory: decision.category,
      purgeDueAt: decision.dueAt,
    });
  }
}

/** `count` sessions of one demo account made directly (set-up, not under test), as cookies. */
async function sessionsOf(cluster: Cluster, username: string, count: number) {
  const [user] = await cluster.kuuloDb.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  if (!user) throw new Error(`no demo account ${username}`);
  const cookies: string[] = [];
  const sessionIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const session = await createSession(cluster.kuuloDb.db, {
      userId: user.id,
      now: new Date(),
      idleSeconds: 3600,
      absoluteSeconds: 8 * 3600,
      secondFactorVerified: true,
      ip: null,
      userAgent: "kuulo-load",
    });
    cookies.push(`${sessionCookieName(cluster.config.cookieSecure)}=${session.token}`);
    sessionIds.push(hashToken(session.token));
  }
  return { cookies, sessionIds, userId: user.id };
}

/** Links every pending audit row with the driver's own sequencer run (the instances are stopped by now). */
async function linkEverything(cluster: Cluster): Promise<void> {
  const clock = { now: () => new Date() };
  for (;;) {
    const [pending] = await queryRows<{ n: number | string }>(
      cluster.kuuloDb.db,
      sql`select count(*) as n from audit_events where chain_seq is null`,
    );
    if (Number(pending?.n ?? 0) === 0) return;
    const ran = await runAuditSequencerTick({
      db: cluster.kuuloDb.db,
      config: cluster.config,
      clock,
      instanceId: "kuulo-load-driver",
    });
    // A stopped instance's lease runs out by itself; ask again once it may have.
    if (ran === null) await sleep(Math.max(50, cluster.config.auditCheckpoints.maxMergeDelayMs / 4));
  }
}

async function verify(
  cluster: Cluster,
  listener: { sessionIds: string[]; userId: string },
  served: Map<number, Set<string>>,
): Promise<LoadChecks> {
  const db = cluster.kuuloDb.db;
  await linkEverything(cluster);
  const tagToIndex = new Map(listener.sessionIds.map((id, index) => [listeningSessionTag(id), index]));
  const rows = await queryRows<{ tag: string; target: string; n: number | string }>(
    db,
    sql`select details->>'listeningSession' as tag, target_id as target, count(*) as n from audit_events
        where action = 'recording.listen' and actor_id = ${listener.userId} group by 1, 2`,
  );
  const counted = new Map<string, number>();
  for (const row of rows) {
    const index = tagToIndex.get(row.tag);
    counted.set(`${index ?? `?${row.tag}`}:${row.target}`, Number(row.n));
  }
  let listenedPairs = 0;
  let listensWithoutRow = 0;
  let listensWithSeveralRows = 0;
  for (const [index, recordingIds] of served) {
    for (const recordingId of recordingIds) {
      listenedPairs++;
      const n = counted.get(`${index}:${recordingId}`) ?? 0;
      if (n === 0) listensWithoutRow++;
      if (n > 1) listensWithSeveralRows++;
      counted.delete(`${index}:${recordingId}`);
    }
  }
  const chain = await verifyAuditWithCheckpoints(db, cluster.config);
  const purges = await queryRows<{ target: string; n: number | string }>(
    db,
    sql`select target_id as target, count(*) as n from audit_events
        where action in ('recording.purge', 'recording.erase') group by 1`,
  );
  const store = storeOf({ config: cluster.config, masterKey: cluster.masterKey });
  const reconcile = await reconcileStorage({
    db,
    store,
    clock: { now: () => new Date() },
    dryRun: true,
    actorLabel: "kuulo-load",
  });
  return {
    listenedPairs,
    listensWithoutRow,
    listensWithSeveralRows,
    rowsWithoutListen: counted.size,
    chain: chain.ok
      ? { ok: true, count: chain.count }
      : { ok: false, count: chain.count, detail: `broken at ${chain.brokenAt}: ${chain.reason}` },
    purged: purges.length,
    purgedTwice: purges.filter((row) => Number(row.n) > 1).length,
    reconcile: {
      orphanObjects: reconcile.orphanObjects.length,
      youngOrphans: reconcile.youngOrphans.length,
      missingObjects: reconcile.missingObjects.length,
      missingExportObjects: reconcile.missingExportObjects.length,
    },
  };
}

/**
 * The multi-instance load test: n API processes behind nginx, one PostgreSQL, one S3-compatible server;
 * listeners, trainers, ingest and the retention purge at once for plan.seconds; then the instances are
 * stopped and the database and bucket are checked.
 */
export async function runLoadTest(options: LoadOptions): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const cluster = await startCluster({
    serverUrl: options.serverUrl,
    instances: options.instances,
    nginxPath: options.nginxPath,
    ...(options.databaseName ? { databaseName: options.databaseName } : {}),
    ...(options.roles ? { roles: options.roles } : {}),
  });
  let stopped = false;
  try {
    const db = cluster.kuuloDb.db;
    const { token } = await db.transaction((tx) =>
      insertApiToken(tx, { name: "load", expiresAt: null, createdBy: null, now: new Date() }, (what) =>
        appendAuditEvent(tx, {
          actorType: "system",
          actorLabel: "kuulo-load",
          occurredAt: new Date(),
          ...what,
        }),
      ),
    );
    const demoFiles = await loadDemoFiles(join(REPO_ROOT, "apps", "api", "demo-data"));
    log(
      `[load] ${options.instances} instances up behind ${cluster.baseUrl}; ingesting the recordings to listen to`,
    );
    const listenable = await ingestListenable(
      cluster,
      token,
      demoFiles.slice(0, options.listenableCalls ?? 6),
    );
    const [owner] = await db
      .select({ staffMemberId: recordings.staffMemberId, unitId: recordings.unitId })
      .from(recordings)
      .where(eq(recordings.id, listenable[0]?.id ?? ""));
    if (!owner) throw new Error("no listenable recording");
    await insertDueRecordings(cluster, options.dueRecordings, owner.staffMemberId, owner.unitId);
    const listener = await sessionsOf(cluster, "kouluttaja", options.listeners);
    const trainers = await sessionsOf(cluster, "kouluttaja", options.trainers);
    const recorder = new LoadRecorder();
    const store = storeOf({ config: cluster.config, masterKey: cluster.masterKey });
    let purgeRuns = 0;
    const purgeLoop = async (isStopped: () => boolean) => {
      while (!isStopped()) {
        const run = await runScheduledRetention({
          db,
          store,
          clock: { now: () => new Date() },
          journal: journalOf({ config: cluster.config }),
          instanceId: "kuulo-load-driver",
          leaseMs: 60_000,
        });
        if (run) purgeRuns++;
        // The schedule of the job (every few seconds), as the instances' own scheduler has one.
        await sleep(options.purgeEverySeconds * 1000);
      }
    };
    log(
      `[load] ${options.seconds} s: ${options.listeners} listeners, ${options.trainers} trainers, ingest ${options.ingestPerSecond}/s, ${options.dueRecordings} recordings due for purge`,
    );
    const result = await drive(
      {
        baseUrl: cluster.baseUrl,
        ingestToken: token,
        listenerCookies: listener.cookies,
        trainerCookies: trainers.cookies,
        listenable,
        demoFiles,
      },
      options,
      recorder,
      purgeLoop,
    );
    log(
      "[load] stopping the instances, then checking the audit chain, the listens, the purge and the bucket",
    );
    await cluster.stopInstances();
    stopped = true;
    const checks = await verify(cluster, listener, result.served);
    const kinds = recorder.report(options.seconds);
    const total = Object.values(kinds).reduce((sum, kind) => sum + kind.requests, 0);
    const reconcileClean = Object.values(checks.reconcile).every((n) => n === 0);
    return {
      plan: {
        seconds: options.seconds,
        listeners: options.listeners,
        trainers: options.trainers,
        ingestPerSecond: options.ingestPerSecond,
        thinkMs: options.thinkMs,
        instances: options.instances,
        dueRecordings: options.dueRecordings,
      },
      seconds: result.seconds,
      requestsPerSecond: Math.round((total / options.seconds) * 10) / 10,
      kinds,
      purgeRuns,
      errors: recorder.errors,
      errorSamples: recorder.errorSamples,
      ingested: result.ingested.length,
      checks,
      clean:
        recorder.errors === 0 &&
        checks.listensWithoutRow === 0 &&
        checks.listensWithSeveralRows === 0 &&
        checks.rowsWithoutListen === 0 &&
        checks.chain.ok &&
        checks.purgedTwice === 0 &&
        reconcileClean,
    };
  } finally {
    if (!stopped) await cluster.stopInstances().catch(() => {});
    await cluster.destroy();
  }
}
