import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patternBytes, startFsBackend, type TestBackend } from "../../storage/__tests__/backends.js";
import { createEncryptedStore, generateMasterKeyBase64, MasterKeyring } from "../../storage/index.js";
import { keptPlaintext, wholeFile } from "./audio-representation.js";

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
    const before = keptPlaintext();
    const audio = wholeFile(await encrypted.open("rep/kept", wrappedKey), plaintext.length);
    const first = await audio.readPieces(CHUNK + 10, CHUNK * 2 + 20);
    expect(new Uint8Array(Buffer.concat(first))).toEqual(plaintext.subarray(CHUNK + 10, CHUNK * 2 + 21));
    expect(keptPlaintext() - before).toBe(2 * CHUNK);
    // A read ahead that is not sent: its pieces are views of kept chunks, which stay intact.
    audio.discard(first);
    const again = await audio.readPieces(CHUNK, CHUNK * 2 - 1);
    expect(new Uint8Array(Buffer.concat(again))).toEqual(plaintext.subarray(CHUNK, CHUNK * 2));
    audio.close();
    expect(keptPlaintext()).toBe(before);
    expect(again.every((piece) => piece.every((byte) => byte === 0))).toBe(true);
  });
});
