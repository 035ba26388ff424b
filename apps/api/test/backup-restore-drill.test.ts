import { generateKeyPairSync } from "node:crypto";
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type KuuloDb } from "@kuulo/db/client";
import { auditEvents, recordings } from "@kuulo/db/schema";
import { createEmptyPostgresDatabase, testDatabaseUrl } from "@kuulo/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "../src/backup/create-backup.js";
import { journalOf } from "../src/backup/journal-of.js";
import { type RestoreReport, restoreBackup } from "../src/backup/restore-backup.js";
import { reconcileStorage } from "../src/cli/storage-reconcile.js";
import { scrubStorage } from "../src/cli/storage-scrub.js";
import type { Config } from "../src/env.js";
import { runRetentionPurge } from "../src/jobs/retention-purge.js";
import { buildApp } from "../src/server/build-app.js";
import { verifyAuditWithCheckpoints } from "../src/services/audit/verify.js";
import { writeAuditCheckpoint } from "../src/services/audit/write-checkpoint.js";
import {
  createRecordingStorage,
  type RecordingStorage,
} from "../src/services/recordings/recording-storage.js";
import { dataOf, MASTER_KEY, TestApp } from "./helpers/test-app.js";
import { testConfig } from "./helpers/test-config.js";
import {
  createToken,
  metadataFor,
  postIngest,
  type RecordingsTestApp,
  readDemo,
  startRecordingsApp,
} from "./recordings-harness.js";

/**
 * The restore drill (R13, GDPR Art. 17): ingest, back up, purge one and erase one, restore the older
 * backup into an empty installation that shares only the keys and the off-site erasure journal, and see
 * that the erased calls stay gone while the others play byte-exact and the audit chain verifies.
 */

const PREFIXES = ["rec/", "exports/"];

describe("backup, purge and erasure, restore of the older backup, journal replay", () => {
  let root: string;
  let source: RecordingsTestApp;
  let sharedEnv: Record<string, string>;
  const ids: Record<"keepA" | "keepB" | "purged" | "erased", string> = {
    keepA: "",
    keepB: "",
    purged: "",
    erased: "",
  };
  const storageKeys: Record<string, string> = {};
  const played: Record<string, Buffer> = {};
  let backupDir: string;
  let target: { config: Config; t: TestApp; storage: RecordingStorage; drop?: () => Promise<void> };
  let restored: RestoreReport;
  let forgedLineNumber: number;

  const listen = (t: TestApp, id: string, cookie: string) =>
    t.app.inject({ method: "GET", url: `/media/recordings/${id}/audio`, headers: { cookie } });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "kuulo-drill-"));
    await mkdir(join(root, "escrow"));
    await mkdir(join(root, "offsite"));
    const { privateKey } = generateKeyPairSync("ed25519");
    await writeFile(
      join(root, "escrow", "audit-signing.key"),
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    );
    // Keys come from escrow and the journal from off-site: the only things both installations share.
    sharedEnv = {
      KUULO_AUDIT_SIGNING_KEY_FILE: join(root, "escrow", "audit-signing.key"),
      KUULO_ERASURE_JOURNAL_FILE: join(root, "offsite", "erasure-journal.jsonl"),
      KUULO_RETENTION_INTERVAL_MINUTES: "0",
      KUULO_AUDIT_CHECKPOINT_INTERVAL_MINUTES: "0",
    };
    source = await startRecordingsApp(sharedEnv);
    const { token } = await createToken(source.t);
    const ingest = async (name: string, sourceId: string, callStartedAt?: string) => {
      const response = await postIngest(
        source,
        token,
        metadataFor(sourceId, callStartedAt ? { callStartedAt } : {}),
        await readDemo(name),
      );
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    ids.keepA = await ingest("call-001.wav", "drill-keep-a");
    ids.keepB = await ingest("call-003.opus", "drill-keep-b");
    ids.purged = await ingest("call-005.opus", "drill-purged", "2024-01-02T10:00:00+02:00");
    ids.erased = await ingest("call-006.wav", "drill-erased");
    for (const row of await source.t.db
      .select({ id: recordings.id, storageKey: recordings.storageKey })
      .from(recordings)
      .where(inArray(recordings.id, Object.values(ids)))) {
      storageKeys[row.id] = row.storageKey;
    }
    const trainer = await source.t.signIn("kouluttaja");
    for (const id of Object.values(ids)) {
      const response = await listen(source.t, id, trainer);
      expect(response.statusCode).toBe(200);
      played[id] = response.rawPayload;
    }
    await writeAuditCheckpoint(source.t.db, source.t.config, source.t.clock.now());

    backupDir = join(root, "backup-1");
    const backup = await createBackup({
      kuuloDb: source.t.testDb,
      config: source.t.config,
      store: source.storage.store,
      dir: backupDir,
      clock: source.t.clock,
      actorLabel: "test:drill",
    });
    expect(backup.manifest.objects.map((object) => object.key)).toEqual(
      expect.arrayContaining(Object.values(storageKeys)),
    );
    // Keys are escrowed separately: the backup holds the dump, objects, checkpoints and manifest (and the
    // journal, which does not exist yet: nothing has been erased).
    expect(backup.manifest.erasureJournal).toBeNull();
    expect((await readdir(backupDir)).sort()).toEqual(
      [
        "audit-checkpoints.jsonl",
        backup.manifest.database.file,
        "manifest.json",
        "manifest.sig",
        "objects",
      ].sort(),
    );
    expect(backup.manifest.masterKeyIds).toEqual([source.storage.keyring.currentKeyId]);

    // After the backup: the retention purge takes the old call, a privacy officer erases another.
    const purge = await runRetentionPurge({
      db: source.t.db,
      store: source.storage.store,
      clock: source.t.clock,
      journal: journalOf(source.t),
    });
    expect(purge.items.map((item) => item.recordingId)).toContain(ids.purged);
    const officer = await source.t.signIn("tietosuoja");
    dataOf(
      await source.t.call(
        "retention.erase",
        { recordingIds: [ids.erased], reason: "GDPR 17 artikla, pyyntö 2026-11-20" },
        { cookie: officer },
      ),
    );
    // A line someone slipped into the journal without the signing key must never erase anything.
    const journalFile = sharedEnv.KUULO_ERASURE_JOURNAL_FILE as string;
    const forged = JSON.parse((await readFile(journalFile, "utf8")).trim().split("\n").pop() as string);
    await appendFile(
      journalFile,
      `${JSON.stringify({ ...forged, id: ids.keepB, storageKey: storageKeys[ids.keepB] })}\n`,
    );
    forgedLineNumber = (await readFile(journalFile, "utf8")).trim().split("\n").length;

    // The disaster: a new, empty installation (own data directory, database and object store).
    const serverUrl = testDatabaseUrl();
    const emptyDb = serverUrl ? await createEmptyPostgresDatabase(serverUrl) : undefined;
    const config = testConfig({
      ...sharedEnv,
      KUULO_DATA_DIR: join(root, "restored"),
      ...(emptyDb ? { DATABASE_URL: emptyDb.url } : {}),
    });
    const storage = createRecordingStorage(config, MASTER_KEY);
    restored = await restoreBackup({
      config,
      dir: backupDir,
      store: storage.store,
      masterKeyIds: storage.keyring.keyIds,
      clock: source.t.clock,
      actorLabel: "test:drill",
      objectPrefixes: PREFIXES,
    });
    const kuuloDb: KuuloDb = await createDb(
      emptyDb ? { databaseUrl: emptyDb.url } : { dataDir: join(config.dataDir, "pglite") },
    );
    const app = await buildApp({
      config,
      db: kuuloDb.db,
      masterKey: MASTER_KEY,
      clock: source.t.clock,
      logger: false,
      serveSpas: false,
    });
    target = {
      config,
      storage,
      t: new TestApp(
        app,
        // The restore target is an empty database made by its owner; tests act as that owner here.
        {
          ...kuuloDb,
          databaseUrl: emptyDb?.url,
          ownerDatabaseUrl: emptyDb?.url,
          asOwner: (fn) => fn(kuuloDb.db),
        },
        source.t.clock,
        config,
      ),
      ...(emptyDb ? { drop: emptyDb.drop } : {}),
    };
  }, 180_000);

  afterAll(async () => {
    await target?.t.close();
    await target?.storage.close();
    await target?.drop?.();
    await source?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("replays the journal: the purged and the erased call are removed again, with tombstones", async () => {
    expect(restored.replay.erasedAgain.sort()).toEqual([ids.purged, ids.erased].sort());
    expect(restored.replay.rejectedLines).toEqual([{ line: forgedLineNumber, problem: "bad_signature" }]);
    const rows = await target.t.db
      .select({ id: recordings.id })
      .from(recordings)
      .where(inArray(recordings.id, Object.values(ids)));
    expect(rows.map((row) => row.id).sort()).toEqual([ids.keepA, ids.keepB].sort());
    for (const id of [ids.purged, ids.erased]) {
      expect(await target.storage.store.inner.exists(storageKeys[id] as string)).toBe(false);
    }
    const tombstones = await target.t.db
      .select({ action: auditEvents.action, targetId: auditEvents.targetId, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.action, ["recording.purge", "recording.erase"]),
          inArray(auditEvents.targetId, [ids.purged, ids.erased]),
        ),
      );
    expect(tombstones.map((row) => [row.targetId, row.action]).sort()).toEqual(
      [
        [ids.purged, "recording.purge"],
        [ids.erased, "recording.erase"],
      ].sort(),
    );
    for (const row of tombstones) expect(row.details).toHaveProperty("replayedFromJournal");
  });

  it("erased calls cannot be listed or played; the others play byte-exact", async () => {
    const trainer = await target.t.signIn("kouluttaja");
    const found = dataOf<{ items: { id: string }[] }>(await target.t.query("recordings.find", {}, trainer));
    const listed = found.items.map((item) => item.id);
    expect(listed).toEqual(expect.arrayContaining([ids.keepA, ids.keepB]));
    expect(listed).not.toContain(ids.purged);
    expect(listed).not.toContain(ids.erased);
    for (const id of [ids.purged, ids.erased])
      expect((await listen(target.t, id, trainer)).statusCode).toBe(404);
    for (const id of [ids.keepA, ids.keepB]) {
      const response = await listen(target.t, id, trainer);
      expect(response.statusCode).toBe(200);
      expect(Buffer.compare(response.rawPayload, played[id] as Buffer)).toBe(0);
    }
  });

  it("storage reconcile, storage scrub and audit verify report clean after the restore", async () => {
    const reconcile = await reconcileStorage({
      db: target.t.db,
      store: target.storage.store,
      clock: target.t.clock,
      dryRun: true,
      actorLabel: "test:drill",
    });
    expect(reconcile.orphanObjects).toEqual([]);
    expect(reconcile.youngOrphans).toEqual([]);
    expect(reconcile.missingObjects).toEqual([]);
    const scrub = await scrubStorage({
      db: target.t.db,
      store: target.storage.store,
      clock: target.t.clock,
      actorLabel: "test:drill",
    });
    expect(scrub.failures).toEqual([]);
    expect(scrub.checked).toBeGreaterThanOrEqual(2);
    const verdict = await verifyAuditWithCheckpoints(target.t.db, target.config);
    expect(verdict.ok).toBe(true);
    expect(verdict.checkpoints.count).toBeGreaterThanOrEqual(2);
  });

  it("refuses to restore into an installation that is no longer empty, and a backup whose manifest was edited", async () => {
    await expect(
      restoreBackup({
        config: target.config,
        dir: backupDir,
        store: target.storage.store,
        masterKeyIds: target.storage.keyring.keyIds,
        clock: target.t.clock,
        actorLabel: "test:drill",
        objectPrefixes: PREFIXES,
      }),
    ).rejects.toThrow(/not empty/);
    const manifestFile = join(backupDir, "manifest.json");
    const original = await readFile(manifestFile, "utf8");
    await writeFile(
      manifestFile,
      original.replace(/"auditHead": \{\n {2}"seq": \d+/, '"auditHead": {\n  "seq": 1'),
    );
    const fresh = testConfig({ ...sharedEnv, KUULO_DATA_DIR: join(root, "second") });
    const storage = createRecordingStorage(fresh, MASTER_KEY);
    try {
      await expect(
        restoreBackup({
          config: fresh,
          dir: backupDir,
          store: storage.store,
          masterKeyIds: storage.keyring.keyIds,
          clock: target.t.clock,
          actorLabel: "test:drill",
          objectPrefixes: PREFIXES,
        }),
      ).rejects.toThrow(/altered/);
    } finally {
      await storage.close();
      await writeFile(manifestFile, original);
    }
    expect(
      await target.t.db.select({ id: recordings.id }).from(recordings).where(eq(recordings.id, ids.keepA)),
    ).toHaveLength(1);
  });
});
