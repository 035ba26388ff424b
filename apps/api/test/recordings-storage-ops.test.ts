import { randomUUID } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvents, disclosures, exportPackages, recordings } from "@kuulo/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportCommand } from "../src/cli/import-command.js";
import { reconcileStorage } from "../src/cli/storage-reconcile.js";
import { rewrapRecordingKeys } from "../src/cli/storage-rewrap.js";
import { scrubStorage } from "../src/cli/storage-scrub.js";
import { EXPORT_KEY_PREFIX } from "../src/services/disclosures/build-export-package.js";
import {
  createBlobStore,
  createKeyring,
  createRecordingStorage,
  type RecordingStorage,
} from "../src/services/recordings/recording-storage.js";
import { createEncryptedStore } from "../src/storage/index.js";
import { createTestApp, MASTER_KEY, type TestApp } from "./helpers/test-app.js";
import { DEMO_DATA, listFiles } from "./recordings-harness.js";

let t: TestApp;
let dataDir: string;
let storage: RecordingStorage;
// Objects written "now" count as young for an hour; reconcile runs two hours later.
const later = { now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kuulo-storage-ops-"));
  t = await createTestApp({ env: { KUULO_DATA_DIR: dataDir } });
  storage = createRecordingStorage(t.config, MASTER_KEY);
  const source = join(dataDir, "import");
  await rm(source, { recursive: true, force: true });
  await import("node:fs/promises").then((fs) => fs.mkdir(source));
  const items = ["call-003.opus", "call-005.opus"].map((file, i) => ({
    file,
    sourceRecordingId: `ops-${i}`,
    firstName: "Laura",
    lastName: "Nieminen",
    username: "laura.nieminen",
    phoneNumber: "+358401234504",
    callStartedAt: "2026-10-13T13:41:00+03:00",
    unitCode: "TRE-ASPA",
  }));
  for (const item of items) await copyFile(new URL(item.file, DEMO_DATA), join(source, item.file));
  await writeFile(join(source, "manifest.jsonl"), items.map((item) => JSON.stringify(item)).join("\n"));
  const code = await runImportCommand({
    dir: source,
    db: t.db,
    config: t.config,
    masterKey: MASTER_KEY,
    actorLabel: "cli:test",
    clock: t.clock,
    out: () => {},
  });
  if (code !== 0) throw new Error("set-up import failed");
});
afterAll(async () => {
  await storage?.close();
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const objectPath = (key: string) => join(t.config.storage.fsRoot, ...key.split("/"));

describe("pnpm cli storage reconcile", () => {
  it("deletes objects without a row (reporting only on --dry-run) and reports rows without an object", async () => {
    const orphan = `rec/${randomUUID()}`;
    await storage.store.putEncrypted(orphan, new Uint8Array(5000).fill(1));
    const fresh = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: t.clock,
      dryRun: false,
      actorLabel: "cli:test",
    });
    expect(fresh.youngOrphans).toEqual([orphan]);
    expect(await storage.store.inner.exists(orphan)).toBe(true);

    const dry = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: later,
      dryRun: true,
      actorLabel: "cli:test",
    });
    expect(dry).toMatchObject({ objects: 3, orphanObjects: [orphan], missingObjects: [] });
    expect(await storage.store.inner.exists(orphan)).toBe(true);

    const real = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: later,
      dryRun: false,
      actorLabel: "cli:test",
    });
    expect(real.orphanObjects).toEqual([orphan]);
    expect(await storage.store.inner.exists(orphan)).toBe(false);

    const [victim] = await t.db.select().from(recordings).where(eq(recordings.sourceRecordingId, "ops-1"));
    const saved = await readFile(objectPath(victim!.storageKey));
    await rm(objectPath(victim!.storageKey));
    const missing = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: later,
      dryRun: false,
      actorLabel: "cli:test",
    });
    expect(missing.missingObjects).toEqual([{ recordingId: victim!.id, storageKey: victim!.storageKey }]);
    await writeFile(objectPath(victim!.storageKey), saved);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "storage.reconcile"));
    expect(audits.map((audit) => audit.outcome)).toEqual(["success", "success", "success", "failure"]);
    expect(await listFiles(t.config.storage.fsRoot)).toHaveLength(2);
  });

  it("sweeps export package objects too: a crashed or closed package's object goes, a live one stays", async () => {
    const packageOf = async (wrapped: boolean) => {
      const [disclosure] = await t.db
        .insert(disclosures)
        .values({ kind: "statutory", status: "active", fields: {}, recipientCountry: "FI" })
        .returning({ id: disclosures.id });
      const key = `${EXPORT_KEY_PREFIX}${disclosure!.id}/${randomUUID()}`;
      const put = await storage.store.putEncrypted(key, new Uint8Array(3000).fill(2));
      await t.db.insert(exportPackages).values({
        disclosureId: disclosure!.id,
        storageKey: key,
        wrappedDataKey: wrapped ? put.wrappedKey : null,
        keyId: put.keyId,
        sha256: "0".repeat(64),
        sizeBytes: 3000,
        downloadTokenHash: randomUUID(),
        expiresAt: t.clock.now(),
      });
      return key;
    };
    const live = await packageOf(true);
    const closed = await packageOf(false);
    // A build that crashed (or lost its race) after writing the object, before its row committed.
    const crashed = `${EXPORT_KEY_PREFIX}${randomUUID()}/${randomUUID()}`;
    await storage.store.putEncrypted(crashed, new Uint8Array(3000).fill(3));

    const report = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: later,
      dryRun: false,
      actorLabel: "cli:test",
    });
    expect(report.orphanObjects.sort()).toEqual([closed, crashed].sort());
    expect(report.missingExportObjects).toEqual([]);
    expect(await storage.store.inner.exists(live)).toBe(true);
    expect(await storage.store.inner.exists(closed)).toBe(false);
    expect(await storage.store.inner.exists(crashed)).toBe(false);

    await storage.store.deleteObject(live);
    const missing = await reconcileStorage({
      db: t.db,
      store: storage.store,
      clock: later,
      dryRun: true,
      actorLabel: "cli:test",
    });
    const [livePackage] = await t.db.select().from(exportPackages).where(eq(exportPackages.storageKey, live));
    expect(missing.missingExportObjects).toEqual([{ exportPackageId: livePackage!.id, storageKey: live }]);
    await t.db.delete(exportPackages);
  });
});

describe("pnpm cli storage scrub", () => {
  it("verifies every object against its checksum and reports a tampered one", async () => {
    const clean = await scrubStorage({
      db: t.db,
      store: storage.store,
      clock: t.clock,
      actorLabel: "cli:test",
    });
    expect(clean).toEqual({ checked: 2, failures: [] });
    const [victim] = await t.db.select().from(recordings).where(eq(recordings.sourceRecordingId, "ops-0"));
    const bytes = await readFile(objectPath(victim!.storageKey));
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    await writeFile(objectPath(victim!.storageKey), bytes);
    const dirty = await scrubStorage({
      db: t.db,
      store: storage.store,
      clock: t.clock,
      actorLabel: "cli:test",
    });
    expect(dirty.checked).toBe(2);
    expect(dirty.failures).toHaveLength(1);
    expect(dirty.failures[0]).toMatchObject({
      recordingId: victim!.id,
      problem: expect.stringMatching(/authentication/),
    });
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "storage.scrub"));
    expect(audits.map((audit) => audit.outcome)).toEqual(["success", "failure"]);
  });
});

describe("pnpm cli storage rewrap (master key rotation)", () => {
  it("re-wraps every data key with the new master key so the old key can be retired", async () => {
    const newKey = new Uint8Array(32).fill(9);
    const rotated = createKeyring(newKey, [Buffer.from(MASTER_KEY).toString("base64")]);
    const result = await rewrapRecordingKeys({
      db: t.db,
      keyring: rotated,
      clock: t.clock,
      actorLabel: "cli:test",
    });
    expect(result.rewrapped).toBe(2);
    const [row] = await t.db.select().from(recordings).where(eq(recordings.sourceRecordingId, "ops-1"));
    expect(row!.keyId).toBe(rotated.currentKeyId);
    const newOnly = createEncryptedStore(createBlobStore(t.config.storage), createKeyring(newKey));
    expect((await newOnly.digestPlaintext(row!.storageKey, row!.wrappedDataKey!)).sha256).toBe(
      row!.storedSha256,
    );
    const oldOnly = createEncryptedStore(createBlobStore(t.config.storage), createKeyring(MASTER_KEY));
    await expect(oldOnly.digestPlaintext(row!.storageKey, row!.wrappedDataKey!)).rejects.toThrow(
      /not configured/,
    );
    expect(
      (await rewrapRecordingKeys({ db: t.db, keyring: rotated, clock: t.clock, actorLabel: "cli:test" }))
        .rewrapped,
    ).toBe(0);
  });
});
