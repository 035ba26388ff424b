import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { DomainError } from "@kuulo/domain/errors";
import { asChunks, assertBlobKey, assertRange, type BlobReader, type BlobStore } from "./blob-store.js";
import type { MasterKeyring } from "./master-keyring.js";

/**
 * Object layout: header(32) = "KUE1" | version(1) | 3 reserved | chunkSize u32 | plaintextLength u64 |
 * baseNonce(12), then ceil(length / chunkSize) chunks (at least one), each ciphertext | GCM tag(16).
 * Chunk i uses nonce = baseNonce XOR i and AAD = header | i | object key, so chunks cannot be
 * reordered, truncated, moved to another object, or the header edited, without failing authentication.
 */
const MAGIC = [0x4b, 0x55, 0x45, 0x31];
const VERSION = 1;
export const HEADER_BYTES = 32;
const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
const CHUNKS_PER_READ = 16;

export interface EncryptedPutResult {
  /** Store in the database beside the recording; deleting it crypto-erases the object. */
  wrappedKey: Uint8Array;
  keyId: string;
  plaintextSize: number;
  storedSize: number;
}

/** Plaintext that arrives in pieces: its length goes into the header first, so it must be known up front. */
export interface PlaintextStream {
  size: number;
  chunks: AsyncIterable<Uint8Array>;
}

export interface EncryptedBlobStore {
  /** Encrypts chunk by chunk while writing: a stream is never held whole in memory. */
  putEncrypted(key: string, plaintext: Uint8Array | PlaintextStream): Promise<EncryptedPutResult>;
  /** Decrypts only the chunks covering start..endInclusive of the plaintext. */
  getPlaintextRange(
    key: string,
    wrappedKey: Uint8Array,
    start: number,
    endInclusive: number,
  ): Promise<Uint8Array>;
  /** The same, yielded in pieces of up to 1 MiB for streaming responses. */
  streamPlaintextRange(
    key: string,
    wrappedKey: Uint8Array,
    start: number,
    endInclusive: number,
  ): AsyncIterable<Uint8Array>;
  /**
   * Reads the header and unwraps the data key once, for many range reads of one object (a listening
   * session's Range requests). close() zeroes the key.
   */
  open(key: string, wrappedKey: Uint8Array): Promise<OpenedObject>;
  /** Decrypts and authenticates every chunk, returning the plaintext's SHA-256 (hex) for scrubbing. */
  digestPlaintext(key: string, wrappedKey: Uint8Array): Promise<{ sha256: string; plaintextSize: number }>;
  /** Plaintext length from the header (unauthenticated until a chunk is decrypted). */
  plaintextSize(key: string): Promise<number>;
  /** Deletes the ciphertext; the caller deletes the wrapped key from the database (crypto-erase). */
  deleteObject(key: string): Promise<void>;
  readonly inner: BlobStore;
}

/** One object with its header read and its data key unwrapped. */
export interface OpenedObject {
  readonly plaintextSize: number;
  /** Decrypts only the chunks covering start..endInclusive, yielding authenticated plaintext only. */
  read(start: number, endInclusive: number, timer?: ReadTimer): AsyncIterable<Uint8Array>;
  close(): void;
}

/** Where a read's time goes (the stream breakdown benchmark); absent in normal requests. */
export interface ReadTimer {
  blobRead(ms: number): void;
  decrypt(ms: number): void;
}

interface Header {
  bytes: Uint8Array;
  chunkSize: number;
  plaintextLength: number;
  baseNonce: Uint8Array;
}

const integrityError = (key: string, message: string, cause?: unknown) =>
  new DomainError("INTERNAL", `Stored object ${key}: ${message}`, {
    reason: "storage.integrity",
    ...(cause ? { cause } : {}),
  });

function encodeHeader(chunkSize: number, plaintextLength: number, baseNonce: Uint8Array): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(MAGIC, 0);
  header[4] = VERSION;
  view.setUint32(8, chunkSize);
  view.setBigUint64(12, BigInt(plaintextLength));
  header.set(baseNonce, 20);
  return header;
}

function decodeHeader(key: string, bytes: Uint8Array): Header {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length !== HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b) || bytes[4] !== VERSION) {
    throw integrityError(key, "not an encrypted Kuulo object (bad header).");
  }
  const chunkSize = view.getUint32(8);
  const plaintextLength = Number(view.getBigUint64(12));
  if (chunkSize < 1024 || chunkSize > 16 * 1024 * 1024 || !Number.isSafeInteger(plaintextLength)) {
    throw integrityError(key, "header fields are out of range.");
  }
  return { bytes, chunkSize, plaintextLength, baseNonce: bytes.subarray(20, 32) };
}

function chunkNonce(baseNonce: Uint8Array, index: number): Buffer {
  const nonce = Buffer.from(baseNonce);
  const view = new DataView(nonce.buffer, nonce.byteOffset, 12);
  view.setBigUint64(4, view.getBigUint64(4) ^ BigInt(index));
  return nonce;
}

function chunkAad(header: Uint8Array, index: number, key: string): Buffer {
  const indexBytes = Buffer.alloc(8);
  indexBytes.writeBigUInt64BE(BigInt(index));
  return Buffer.concat([header, indexBytes, Buffer.from(key)]);
}

const chunkCount = (plaintextLength: number, chunkSize: number) =>
  Math.max(1, Math.ceil(plaintextLength / chunkSize));

/** Envelope encryption over any BlobStore: a fresh random data key per object, wrapped by the keyring. */
export function createEncryptedStore(
  inner: BlobStore,
  keyring: MasterKeyring,
  options: { chunkSize?: number } = {},
): EncryptedBlobStore {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkSize) || chunkSize < 1024 || chunkSize > 16 * 1024 * 1024) {
    throw new Error("chunkSize must be an integer between 1 KiB and 16 MiB.");
  }

  /** Cuts any sequence of pieces into chunkSize slices (the last one shorter), never holding more than one. */
  async function* rechunk(source: AsyncIterable<Uint8Array>, key: string, size: number) {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let total = 0;
    for await (const piece of source) {
      total += piece.length;
      if (total > size) throw integrityError(key, `plaintext is longer than the declared ${size} bytes.`);
      let rest = piece;
      while (pendingBytes + rest.length >= chunkSize) {
        const take = chunkSize - pendingBytes;
        pending.push(rest.subarray(0, take));
        yield Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        rest = rest.subarray(take);
      }
      if (rest.length > 0) {
        pending.push(rest);
        pendingBytes += rest.length;
      }
    }
    if (total !== size) throw integrityError(key, `plaintext is ${total} bytes, ${size} were declared.`);
    if (pendingBytes > 0 || size === 0) yield Buffer.concat(pending);
  }

  async function* encryptChunks(
    key: string,
    dataKey: Buffer,
    header: Uint8Array,
    baseNonce: Uint8Array,
    plaintext: PlaintextStream,
  ) {
    yield header;
    let index = 0;
    for await (const part of rechunk(plaintext.chunks, key, plaintext.size)) {
      const cipher = createCipheriv("aes-256-gcm", dataKey, chunkNonce(baseNonce, index));
      cipher.setAAD(chunkAad(header, index, key));
      yield Buffer.concat([cipher.update(part), cipher.final(), cipher.getAuthTag()]);
      index++;
    }
  }

  type ReadSealed = (start: number, endInclusive: number) => Promise<Uint8Array>;

  const readHeader = async (
    key: string,
    read: ReadSealed = (start, end) => inner.getRange(key, start, end),
  ) => decodeHeader(key, await read(0, HEADER_BYTES - 1));

  /** Decrypts chunks of an opened object; the key stays the caller's (it is not zeroed here). */
  async function* readRange(
    key: string,
    read: ReadSealed,
    header: Header,
    dataKey: Buffer,
    start: number,
    endInclusive: number,
    timer?: ReadTimer,
  ) {
    assertRange(key, start, endInclusive, header.plaintextLength);
    const stride = header.chunkSize + TAG_BYTES;
    const chunks = chunkCount(header.plaintextLength, header.chunkSize);
    const firstChunk = Math.floor(start / header.chunkSize);
    const lastChunk = Math.floor(endInclusive / header.chunkSize);
    const lastLength = header.plaintextLength - (chunks - 1) * header.chunkSize;
    const aadPrefix = Buffer.concat([header.bytes, Buffer.alloc(8), Buffer.from(key)]);
    for (let group = firstChunk; group <= lastChunk; group += CHUNKS_PER_READ) {
      const groupEnd = Math.min(lastChunk, group + CHUNKS_PER_READ - 1);
      const cipherEnd =
        groupEnd === chunks - 1
          ? HEADER_BYTES + groupEnd * stride + lastLength + TAG_BYTES - 1
          : HEADER_BYTES + (groupEnd + 1) * stride - 1;
      const readStarted = timer ? performance.now() : 0;
      const sealed = await read(HEADER_BYTES + group * stride, cipherEnd);
      if (timer) timer.blobRead(performance.now() - readStarted);
      for (let i = group; i <= groupEnd; i++) {
        const decryptStarted = timer ? performance.now() : 0;
        const chunk = sealed.subarray(
          (i - group) * stride,
          Math.min(sealed.length, (i - group + 1) * stride),
        );
        const decipher = createDecipheriv("aes-256-gcm", dataKey, chunkNonce(header.baseNonce, i));
        aadPrefix.writeBigUInt64BE(BigInt(i), HEADER_BYTES);
        decipher.setAAD(aadPrefix);
        decipher.setAuthTag(chunk.subarray(chunk.length - TAG_BYTES));
        // GCM's final() adds no bytes: the update output is the whole chunk, yielded only once authenticated.
        const plain = decipher.update(chunk.subarray(0, chunk.length - TAG_BYTES));
        try {
          decipher.final();
        } catch (error) {
          plain.fill(0);
          throw integrityError(
            key,
            `chunk ${i} failed authentication (tampered, truncated or wrong key).`,
            error,
          );
        }
        if (timer) timer.decrypt(performance.now() - decryptStarted);
        const from = i === firstChunk ? start - i * header.chunkSize : 0;
        const to = i === lastChunk ? endInclusive - i * header.chunkSize + 1 : plain.length;
        yield plain.subarray(from, to);
      }
    }
  }

  /** The object held open for the opened object's reads where the backend can (one positional read each). */
  async function openSealed(key: string): Promise<{ read: ReadSealed; close(): void }> {
    if (!inner.openReader) return { read: (start, end) => inner.getRange(key, start, end), close: () => {} };
    const reader: BlobReader = await inner.openReader(key);
    return { read: (start, end) => reader.getRange(start, end), close: () => reader.close() };
  }

  async function open(key: string, wrappedKey: Uint8Array): Promise<OpenedObject> {
    assertBlobKey(key);
    const sealed = await openSealed(key);
    let header: Header;
    let dataKey: Buffer;
    try {
      header = await readHeader(key, sealed.read);
      dataKey = keyring.unwrap(wrappedKey);
    } catch (error) {
      sealed.close();
      throw error;
    }
    return {
      plaintextSize: header.plaintextLength,
      read: (start, endInclusive, timer) =>
        readRange(key, sealed.read, header, dataKey, start, endInclusive, timer),
      close: () => {
        dataKey.fill(0);
        sealed.close();
      },
    };
  }

  async function* streamPlaintextRange(
    key: string,
    wrappedKey: Uint8Array,
    start: number,
    endInclusive: number,
  ) {
    const opened = await open(key, wrappedKey);
    try {
      yield* opened.read(start, endInclusive);
    } finally {
      opened.close();
    }
  }

  return {
    inner,
    async putEncrypted(key, input) {
      assertBlobKey(key);
      const plaintext: PlaintextStream =
        input instanceof Uint8Array ? { size: input.length, chunks: asChunks(input) } : input;
      if (!Number.isSafeInteger(plaintext.size) || plaintext.size < 0) {
        throw integrityError(key, `declared plaintext size ${plaintext.size} is invalid.`);
      }
      const dataKey = randomBytes(32);
      const baseNonce = randomBytes(12);
      const header = encodeHeader(chunkSize, plaintext.size, baseNonce);
      try {
        await inner.put(key, encryptChunks(key, dataKey, header, baseNonce, plaintext));
        const count = chunkCount(plaintext.size, chunkSize);
        return {
          wrappedKey: keyring.wrap(dataKey),
          keyId: keyring.currentKeyId,
          plaintextSize: plaintext.size,
          storedSize: HEADER_BYTES + plaintext.size + count * TAG_BYTES,
        };
      } finally {
        dataKey.fill(0);
      }
    },
    open,
    streamPlaintextRange,
    async getPlaintextRange(key, wrappedKey, start, endInclusive) {
      const parts: Uint8Array[] = [];
      for await (const part of streamPlaintextRange(key, wrappedKey, start, endInclusive)) parts.push(part);
      return Buffer.concat(parts);
    },
    async digestPlaintext(key, wrappedKey) {
      const plaintextSize = (await readHeader(assertBlobKey(key))).plaintextLength;
      const hash = createHash("sha256");
      if (plaintextSize > 0) {
        for await (const part of streamPlaintextRange(key, wrappedKey, 0, plaintextSize - 1))
          hash.update(part);
      }
      return { sha256: hash.digest("hex"), plaintextSize };
    },
    async plaintextSize(key) {
      return (await readHeader(assertBlobKey(key))).plaintextLength;
    },
    async deleteObject(key) {
      await inner.delete(key);
    },
  };
}
