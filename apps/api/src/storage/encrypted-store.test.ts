import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  patternBytes,
  plain,
  startFsBackend,
  startS3Backend,
  type TestBackend,
} from "./__tests__/backends.js";
import type { BlobStore } from "./blob-store.js";
import { createEncryptedStore, HEADER_BYTES, type KeptChunks } from "./encrypted-store.js";
import { generateMasterKeyBase64, MasterKeyring } from "./master-keyring.js";

const CHUNK = 4096;
const keyring = MasterKeyring.create({ id: "test-current", keyBase64: generateMasterKeyBase64() });

/** Wraps a store and records every byte range read from it. */
function countingStore(inner: BlobStore) {
  const reads: [number, number][] = [];
  const store: BlobStore = {
    put: (k, d) => inner.put(k, d),
    getRange: (k, s, e) => {
      reads.push([s, e]);
      return inner.getRange(k, s, e);
    },
    size: (k) => inner.size(k),
    exists: (k) => inner.exists(k),
    lastModified: (k) => inner.lastModified(k),
    delete: (k) => inner.delete(k),
    list: (p) => inner.list(p),
  };
  return { store, reads };
}

async function flipStoredByte(inner: BlobStore, key: string, at: number) {
  const size = await inner.size(key);
  const bytes = plain(await inner.getRange(key, 0, size - 1));
  bytes[at]! ^= 0x01;
  await inner.put(key, bytes);
}

describe.each([
  ["fs", startFsBackend],
  ["s3 (s3rver)", startS3Backend],
])("encrypted store over %s", (_name, start) => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(() => backend?.stop());

  it("round-trips and returns byte-exact random ranges", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 5 + 123);
    const put = await encrypted.putEncrypted("enc/round", plaintext);
    expect(put).toMatchObject({ keyId: "test-current", plaintextSize: plaintext.length });
    expect(await backend.store.size("enc/round")).toBe(put.storedSize);
    expect(await encrypted.plaintextSize("enc/round")).toBe(plaintext.length);
    expect(await encrypted.digestPlaintext("enc/round", put.wrappedKey)).toEqual({
      sha256: createHash("sha256").update(plaintext).digest("hex"),
      plaintextSize: plaintext.length,
    });
    await fc.assert(
      fc.asyncProperty(fc.nat(plaintext.length - 1), fc.nat(plaintext.length - 1), async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const range = await encrypted.getPlaintextRange("enc/round", put.wrappedKey, from, to);
        expect(plain(range)).toEqual(plaintext.subarray(from, to + 1));
      }),
      { numRuns: 40 },
    );
  });

  it("stores no plaintext: no 16-byte window of the plaintext appears in the stored bytes", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const plaintext = new Uint8Array(3 * CHUNK).fill(0x41); // highly repetitive, worst case
    await encrypted.putEncrypted("enc/opaque", plaintext);
    const stored = Buffer.from(
      await backend.store.getRange("enc/opaque", 0, (await backend.store.size("enc/opaque")) - 1),
    );
    expect(stored.includes(Buffer.alloc(16, 0x41))).toBe(false);
  });

  it("detects a flipped ciphertext byte, a flipped header byte and swapped chunks", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 3);
    const { wrappedKey } = await encrypted.putEncrypted("enc/tamper", plaintext);
    await flipStoredByte(backend.store, "enc/tamper", HEADER_BYTES + CHUNK + 100);
    await expect(
      encrypted.getPlaintextRange("enc/tamper", wrappedKey, CHUNK, CHUNK + 200),
    ).rejects.toMatchObject({
      reason: "storage.integrity",
    });
    // The untouched first chunk still decrypts: damage stays local to its chunk.
    expect(plain(await encrypted.getPlaintextRange("enc/tamper", wrappedKey, 0, 99))).toEqual(
      plaintext.subarray(0, 100),
    );

    const header = await encrypted.putEncrypted("enc/header", plaintext);
    await flipStoredByte(backend.store, "enc/header", 25); // inside the base nonce
    await expect(encrypted.getPlaintextRange("enc/header", header.wrappedKey, 0, 9)).rejects.toMatchObject({
      reason: "storage.integrity",
    });

    const swapped = await encrypted.putEncrypted("enc/swap", plaintext);
    const size = await backend.store.size("enc/swap");
    const bytes = plain(await backend.store.getRange("enc/swap", 0, size - 1));
    const stride = CHUNK + 16;
    const first = bytes.slice(HEADER_BYTES, HEADER_BYTES + stride);
    bytes.copyWithin(HEADER_BYTES, HEADER_BYTES + stride, HEADER_BYTES + 2 * stride);
    bytes.set(first, HEADER_BYTES + stride);
    await backend.store.put("enc/swap", bytes);
    await expect(encrypted.getPlaintextRange("enc/swap", swapped.wrappedKey, 0, 9)).rejects.toMatchObject({
      reason: "storage.integrity",
    });
  });

  it("refuses another object's wrapped key, a forged key and a moved object", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const a = await encrypted.putEncrypted("enc/a", patternBytes(100, 1));
    const b = await encrypted.putEncrypted("enc/b", patternBytes(100, 2));
    await expect(encrypted.getPlaintextRange("enc/a", b.wrappedKey, 0, 9)).rejects.toMatchObject({
      reason: "storage.integrity",
    });
    // Without the real wrapped key (crypto-erased from the database), no key decrypts the object.
    const forged = keyring.wrap(randomBytes(32));
    await expect(encrypted.getPlaintextRange("enc/a", forged, 0, 9)).rejects.toMatchObject({
      reason: "storage.integrity",
    });
    const stored = plain(await backend.store.getRange("enc/a", 0, (await backend.store.size("enc/a")) - 1));
    await backend.store.put("enc/moved", stored);
    await expect(encrypted.getPlaintextRange("enc/moved", a.wrappedKey, 0, 9)).rejects.toMatchObject({
      reason: "storage.integrity",
    });
  });

  it("fails with a keyring that lacks the master key, and deleteObject removes the ciphertext", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const { wrappedKey } = await encrypted.putEncrypted("enc/erase", patternBytes(500));
    const otherRing = MasterKeyring.create({ id: "other", keyBase64: generateMasterKeyBase64() });
    const stranger = createEncryptedStore(backend.store, otherRing);
    await expect(stranger.getPlaintextRange("enc/erase", wrappedKey, 0, 9)).rejects.toThrow(/not configured/);
    await encrypted.deleteObject("enc/erase");
    expect(await backend.store.exists("enc/erase")).toBe(false);
    await expect(encrypted.getPlaintextRange("enc/erase", wrappedKey, 0, 9)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("encrypted store reads only what a range needs", () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startFsBackend();
  });
  afterAll(() => backend?.stop());

  it("decrypts a small range from the header plus the one or two chunks covering it", async () => {
    const { store, reads } = countingStore(backend.store);
    const encrypted = createEncryptedStore(store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 40);
    const { wrappedKey } = await encrypted.putEncrypted("enc/partial", plaintext);
    const stride = CHUNK + 16;

    reads.length = 0;
    await encrypted.getPlaintextRange("enc/partial", wrappedKey, CHUNK * 20 + 10, CHUNK * 20 + 500);
    expect(reads).toEqual([
      [0, HEADER_BYTES - 1],
      [HEADER_BYTES + 20 * stride, HEADER_BYTES + 21 * stride - 1],
    ]);

    reads.length = 0;
    await encrypted.getPlaintextRange("enc/partial", wrappedKey, CHUNK * 7 - 1, CHUNK * 7);
    const read = reads.reduce((sum, [s, e]) => sum + e - s + 1, 0);
    expect(read).toBe(HEADER_BYTES + 2 * stride);
  });

  it("reads and decrypts only the chunks a keeper does not hold yet, offering each once authenticated", async () => {
    const { store, reads } = countingStore(backend.store);
    const encrypted = createEncryptedStore(store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 10 + 7);
    const { wrappedKey } = await encrypted.putEncrypted("enc/kept", plaintext);
    const stride = CHUNK + 16;
    const chunks = new Map<number, Buffer>();
    const kept: KeptChunks = {
      get: (index) => chunks.get(index),
      offer: (index, plainChunk) => {
        chunks.set(index, plainChunk);
        return true;
      },
    };
    const opened = await encrypted.open("enc/kept", wrappedKey);
    try {
      reads.length = 0;
      const first = await opened.readPieces(CHUNK * 2 + 5, CHUNK * 3 + 9, undefined, kept);
      expect(plain(Buffer.concat(first))).toEqual(plaintext.subarray(CHUNK * 2 + 5, CHUNK * 3 + 10));
      expect([...chunks.keys()]).toEqual([2, 3]);
      expect(reads).toEqual([[HEADER_BYTES + 2 * stride, HEADER_BYTES + 4 * stride - 1]]);
      reads.length = 0;
      const overlapping = await opened.readPieces(CHUNK * 3, CHUNK * 4 + 1, undefined, kept);
      expect(plain(Buffer.concat(overlapping))).toEqual(plaintext.subarray(CHUNK * 3, CHUNK * 4 + 2));
      expect(reads).toEqual([[HEADER_BYTES + 4 * stride, HEADER_BYTES + 5 * stride - 1]]);
      reads.length = 0;
      const held = await opened.readPieces(CHUNK * 2, CHUNK * 5 - 1, undefined, kept);
      expect(plain(Buffer.concat(held))).toEqual(plaintext.subarray(CHUNK * 2, CHUNK * 5));
      expect(reads).toEqual([]);
    } finally {
      opened.close();
    }
    // A chunk that fails authentication is never offered; the one before it was authenticated.
    await flipStoredByte(backend.store, "enc/kept", HEADER_BYTES + stride + 10);
    chunks.clear();
    const tampered = await encrypted.open("enc/kept", wrappedKey);
    try {
      await expect(tampered.readPieces(0, CHUNK * 2 - 1, undefined, kept)).rejects.toMatchObject({
        reason: "storage.integrity",
      });
      expect([...chunks.keys()]).toEqual([0]);
    } finally {
      tampered.close();
    }
  });

  it("refuses ranges outside the plaintext", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const { wrappedKey } = await encrypted.putEncrypted("enc/bounds", patternBytes(100));
    await expect(encrypted.getPlaintextRange("enc/bounds", wrappedKey, 50, 100)).rejects.toMatchObject({
      reason: "range.unsatisfiable",
    });
  });

  it("streams large ranges in bounded pieces and handles empty and exact-multiple objects", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 33);
    const { wrappedKey } = await encrypted.putEncrypted("enc/stream", plaintext);
    const pieces: Uint8Array[] = [];
    for await (const piece of encrypted.streamPlaintextRange(
      "enc/stream",
      wrappedKey,
      1,
      plaintext.length - 1,
    )) {
      expect(piece.length).toBeLessThanOrEqual(CHUNK);
      pieces.push(piece);
    }
    expect(plain(Buffer.concat(pieces))).toEqual(plaintext.subarray(1));
    const empty = await encrypted.putEncrypted("enc/empty", new Uint8Array(0));
    expect(await encrypted.plaintextSize("enc/empty")).toBe(0);
    expect(await backend.store.size("enc/empty")).toBe(empty.storedSize);
  });
});
