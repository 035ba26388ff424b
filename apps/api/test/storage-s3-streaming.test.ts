import { createHash } from "node:crypto";
import { createTestDb, type TestDb } from "@kuulo/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORPHAN_MIN_AGE_MS, reconcileStorage } from "../src/cli/storage-reconcile.js";
import { loadConfig } from "../src/env.js";
import { patternBytes, plain, startS3Backend } from "../src/storage/__tests__/backends.js";
import {
  createEncryptedStore,
  generateMasterKeyBase64,
  MasterKeyring,
  S3BlobStore,
} from "../src/storage/index.js";
import { ManualClock } from "./helpers/manual-clock.js";

/** S3 as production uses it: streamed multipart uploads, the default credential chain, reconcile's window. */

const MiB = 1024 * 1024;
const keyring = MasterKeyring.create({ id: "s3-test", keyBase64: generateMasterKeyBase64() });

async function* pieces(bytes: Uint8Array, size: number, failAfter?: number) {
  for (let at = 0; at < bytes.length; at += size) {
    if (failAfter !== undefined && at >= failAfter) throw new Error("source broke off");
    yield bytes.subarray(at, Math.min(bytes.length, at + size));
  }
}

describe("S3 storage (s3rver on loopback, real AWS SDK)", () => {
  let backend: Awaited<ReturnType<typeof startS3Backend>>;
  let multipart: S3BlobStore;

  beforeAll(async () => {
    backend = await startS3Backend({ partSize: 5 * MiB });
    multipart = backend.store;
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it("uploads a large object in parts from a stream, byte-exact", async () => {
    const data = patternBytes(12 * MiB + 321);
    await multipart.put("big/one", pieces(data, 64 * 1024));
    expect(await multipart.size("big/one")).toBe(data.length);
    // s3rver reports how each object was created: a multipart upload completes with a POST.
    expect(backend.events.filter((event) => event.key === "kuulo/big/one")).toEqual([
      { key: "kuulo/big/one", how: "Post" },
    ]);
    const back = plain(await multipart.getRange("big/one", 0, data.length - 1));
    expect(createHash("sha256").update(back).digest("hex")).toBe(
      createHash("sha256").update(data).digest("hex"),
    );
  });

  it("a stream that breaks off leaves no object behind", async () => {
    const data = patternBytes(11 * MiB);
    await expect(multipart.put("big/broken", pieces(data, MiB, 7 * MiB))).rejects.toThrow(/broke off/);
    expect(await multipart.exists("big/broken")).toBe(false);
  });

  it("encrypts a stream chunk by chunk into S3 and decrypts it byte-exact; a wrong declared size stores nothing", async () => {
    const encrypted = createEncryptedStore(multipart, keyring);
    const data = patternBytes(6 * MiB + 77, 3);
    const put = await encrypted.putEncrypted("enc/streamed", {
      size: data.length,
      chunks: pieces(data, 100_003),
    });
    expect(put.plaintextSize).toBe(data.length);
    expect(await multipart.size("enc/streamed")).toBe(put.storedSize);
    expect(await encrypted.digestPlaintext("enc/streamed", put.wrappedKey)).toEqual({
      sha256: createHash("sha256").update(data).digest("hex"),
      plaintextSize: data.length,
    });
    await expect(
      encrypted.putEncrypted("enc/short", { size: data.length + 1, chunks: pieces(data, 100_003) }),
    ).rejects.toThrow(/declared/);
    expect(await multipart.exists("enc/short")).toBe(false);
  });

  it("finds credentials through the AWS SDK's default chain when no static keys are configured", async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    const chained = new S3BlobStore({
      bucket: "kuulo-test",
      region: "eu-north-1",
      endpoint: backend.endpoint,
      forcePathStyle: true,
      keyPrefix: "kuulo/",
    });
    try {
      await chained.put("chain/one", patternBytes(1000));
      expect(plain(await backend.store.getRange("chain/one", 0, 999))).toEqual(patternBytes(1000));
    } finally {
      chained.destroy();
      for (const [name, value] of [
        ["AWS_ACCESS_KEY_ID", saved.id],
        ["AWS_SECRET_ACCESS_KEY", saved.secret],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  describe("reconcile spares young orphans on S3 as on the filesystem", () => {
    let db: TestDb;
    beforeAll(async () => {
      db = await createTestDb();
    });
    afterAll(() => db?.close());

    it("keeps an object without a row for an hour, then deletes it", async () => {
      const clock = new ManualClock(new Date());
      const store = createEncryptedStore(backend.store, keyring);
      await store.putEncrypted("rec/00000000-0000-4000-8000-000000000001", patternBytes(5000));
      const young = await reconcileStorage({ db: db.db, store, clock, dryRun: false, actorLabel: "test" });
      expect(young.youngOrphans).toEqual(["rec/00000000-0000-4000-8000-000000000001"]);
      expect(young.orphanObjects).toEqual([]);
      clock.set(new Date(clock.now().getTime() + ORPHAN_MIN_AGE_MS + 60_000));
      const old = await reconcileStorage({ db: db.db, store, clock, dryRun: false, actorLabel: "test" });
      expect(old.orphanObjects).toEqual(["rec/00000000-0000-4000-8000-000000000001"]);
      expect(await backend.store.exists("rec/00000000-0000-4000-8000-000000000001")).toBe(false);
    });
  });
});

describe("S3 credentials", () => {
  const base = {
    KUULO_MODE: "demo",
    KUULO_DATA_DIR: "/tmp/kuulo-api-test-unused",
    KUULO_STORAGE: "s3",
    KUULO_S3_BUCKET: "kuulo",
    KUULO_S3_REGION: "eu-north-1",
  };

  it("uses the static keys when both are given, the SDK's default chain when neither is, and refuses one alone", () => {
    expect(
      loadConfig({ ...base, KUULO_S3_ACCESS_KEY_ID: "id", KUULO_S3_SECRET_ACCESS_KEY: "secret" }).storage.s3
        ?.credentials,
    ).toEqual({ accessKeyId: "id", secretAccessKey: "secret" });
    expect(loadConfig(base).storage.s3?.credentials).toBeUndefined();
    expect(() => loadConfig({ ...base, KUULO_S3_ACCESS_KEY_ID: "id" })).toThrow(/KUULO_S3_SECRET_ACCESS_KEY/);
  });
});
