import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternBytes, startFsBackend, type TestBackend } from "../../storage/__tests__/backends.js";
import {
  type BlobStore,
  createEncryptedStore,
  generateMasterKeyBase64,
  MasterKeyring,
} from "../../storage/index.js";
import { KeptPlaintextBudget, wholeFile } from "./audio-representation.js";

const CHUNK = 4096;
const keyring = MasterKeyring.create({ id: "test-current", keyBase64: generateMasterKeyBase64() });
let backend: TestBackend;
beforeAll(async () => {
  backend = await startFsBackend();
});
afterAll(() => backend?.stop());

describe("the whole file's decrypted chunks kept for its listening session", () => {
  it("serves kept chunks again, never zeroes them on a discard, and zeroes them all on close", async () => {
    const encrypted = createEncryptedStore(backend.store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 4 + 100);
    const { wrappedKey } = await encrypted.putEncrypted("rep/kept", plaintext);
    const budget = new KeptPlaintextBudget(64 * 1024 * 1024);
    const audio = wholeFile(await encrypted.open("rep/kept", wrappedKey), plaintext.length, budget);
    const first = await audio.readPieces(CHUNK + 10, CHUNK * 2 + 20);
    expect(new Uint8Array(Buffer.concat(first))).toEqual(plaintext.subarray(CHUNK + 10, CHUNK * 2 + 21));
    expect(budget.used).toBe(2 * CHUNK);
    // A read ahead that is not sent: its pieces are views of kept chunks, which stay intact.
    audio.discard(first);
    const again = await audio.readPieces(CHUNK, CHUNK * 2 - 1);
    expect(new Uint8Array(Buffer.concat(again))).toEqual(plaintext.subarray(CHUNK, CHUNK * 2));
    audio.close();
    expect(budget.used).toBe(0);
    expect(again.every((piece) => piece.every((byte) => byte === 0))).toBe(true);
  });

  it("with a budget of 0 keeps nothing: the same range is read from the store and decrypted again", async () => {
    const reads = countingReads(backend.store);
    const encrypted = createEncryptedStore(reads.store, keyring, { chunkSize: CHUNK });
    const plaintext = patternBytes(CHUNK * 4 + 100);
    const { wrappedKey } = await encrypted.putEncrypted("rep/none", plaintext);
    const budget = new KeptPlaintextBudget(0);
    const audio = wholeFile(await encrypted.open("rep/none", wrappedKey), plaintext.length, budget);
    const opened = reads.count;
    const first = await audio.readPieces(CHUNK + 10, CHUNK * 2 + 20);
    const firstReads = reads.count - opened;
    expect(firstReads).toBeGreaterThan(0);
    expect(budget.used).toBe(0);
    // Not kept, so a discarded read ahead is zeroed.
    audio.discard(first);
    expect(first.every((piece) => piece.every((byte) => byte === 0))).toBe(true);
    const again = await audio.readPieces(CHUNK + 10, CHUNK * 2 + 20);
    expect(new Uint8Array(Buffer.concat(again))).toEqual(plaintext.subarray(CHUNK + 10, CHUNK * 2 + 21));
    expect(reads.count - opened).toBe(firstReads * 2);
    audio.close();
  });
});

/** The store's range reads counted (through an open reader or not). */
function countingReads(inner: BlobStore): { store: BlobStore; readonly count: number } {
  let count = 0;
  const store: BlobStore = {
    put: (key, data) => inner.put(key, data),
    getRange: (key, start, end) => {
      count += 1;
      return inner.getRange(key, start, end);
    },
    size: (key) => inner.size(key),
    exists: (key) => inner.exists(key),
    lastModified: (key) => inner.lastModified(key),
    delete: (key) => inner.delete(key),
    list: (prefix) => inner.list(prefix),
  };
  if (inner.openReader) {
    const openReader = inner.openReader.bind(inner);
    store.openReader = async (key) => {
      const reader = await openReader(key);
      return {
        size: reader.size,
        getRange: (start, end, into) => {
          count += 1;
          return reader.getRange(start, end, into);
        },
        close: () => reader.close(),
      };
    };
  }
  return {
    store,
    get count() {
      return count;
    },
  };
}
