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
/** Read buffers kept for reuse per store (about 1 MiB each). */
const SCRATCH_BUFFERS_KEPT = 8;

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
  /**
   * The same range whole, as its decrypted pieces in order (for a body sent in one write); chunks in
   * `kept` are served from it, and the ones decrypted now are offered to it.
   */
  readPieces(start: number, endInclusive: number, timer?: ReadTimer, kept?: KeptChunks): Promise<Buffer[]>;
  close(): void;
}

/**
 * Decrypted, authenticated chunks of one opened object that its reader keeps between reads (a listening
 * session's): pieces served from it are views of its chunks, so it must zero them only once no response
 * still sends them.
 */
export interface KeptChunks {
  get(index: number): Buffer | undefined;
  /** A chunk just decrypted and authenticated; true when kept (then it is the keeper's to zero). */
  offer(index: number, plain: Buffer): boolean;
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

  type ReadSealed = (start: number, endInclusive: number, into?: Buffer) => Promise<Uint8Array>;

  // Sealed reads (ciphertext only) go into reused buffers: a fresh buffer per read costs a page fault per
  // page it fills and external memory that drives the garbage collector.
  const scratchBytes = CHUNKS_PER_READ * (chunkSize + TAG_BYTES);
  const scratch: Buffer[] = [];
  const takeScratch = () => scratch.pop() ?? Buffer.allocUnsafeSlow(scratchBytes);
  const giveScratch = (buffer: Buffer) => {
    if (scratch.length < SCRATCH_BUFFERS_KEPT) scratch.push(buffer);
  };

  const readHeader = async (
    key: string,
    read: ReadSealed = (start, end) => inner.getRange(key, start, end),
  ) => decodeHeader(key, await read(0, HEADER_BYTES - 1));

  /** Which sealed bytes hold the plaintext start..endInclusive: groups of up to CHUNKS_PER_READ chunks. */
  function plan(key: string, header: Header, start: number, endInclusive: number) {
    assertRange(key, start, endInclusive, header.plaintextLength);
    const chunks = chunkCount(header.plaintextLength, header.chunkSize);
    return {
      stride: header.chunkSize + TAG_BYTES,
      firstChunk: Math.floor(start / header.chunkSize),
      lastChunk: Math.floor(endInclusive / header.chunkSize),
      lastIndex: chunks - 1,
      lastLength: header.plaintextLength - (chunks - 1) * header.chunkSize,
    };
  }

  type Plan = ReturnType<typeof plan>;

  /** One sealed read of the chunks group..groupEnd. */
  async function readGroup(
    read: ReadSealed,
    p: Plan,
    group: number,
    groupEnd: number,
    into: Buffer,
    timer?: ReadTimer,
  ) {
    const cipherEnd =
      groupEnd === p.lastIndex
        ? HEADER_BYTES + groupEnd * p.stride + p.lastLength + TAG_BYTES - 1
        : HEADER_BYTES + (groupEnd + 1) * p.stride - 1;
    const readStarted = timer ? performance.now() : 0;
    const sealed = await read(HEADER_BYTES + group * p.stride, cipherEnd, into);
    if (timer) timer.blobRead(performance.now() - readStarted);
    return sealed;
  }

  type RangeOf = { start: number; endInclusive: number; firstChunk: number; lastChunk: number };

  /**
   * Authenticates and decrypts chunk i (sealed at `chunk`). GCM's final() adds no bytes: the update output
   * is the whole chunk, returned only once authenticated (no copy). `aad` is this object's AAD with room
   * for the chunk index.
   */
  function decryptChunk(
    key: string,
    header: Header,
    dataKey: Buffer,
    aad: Buffer,
    chunk: Uint8Array,
    i: number,
    timer?: ReadTimer,
  ): Buffer {
    const decryptStarted = timer ? performance.now() : 0;
    const decipher = createDecipheriv("aes-256-gcm", dataKey, chunkNonce(header.baseNonce, i));
    aad.writeBigUInt64BE(BigInt(i), HEADER_BYTES);
    decipher.setAAD(aad);
    decipher.setAuthTag(chunk.subarray(chunk.length - TAG_BYTES));
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
    return plain;
  }

  /** The part of decrypted chunk i that the range covers (a view, no copy). */
  function sliceChunk(header: Header, plain: Buffer, i: number, range: RangeOf): Buffer {
    const from = i === range.firstChunk ? range.start - i * header.chunkSize : 0;
    const to = i === range.lastChunk ? range.endInclusive - i * header.chunkSize + 1 : plain.length;
    return from === 0 && to === plain.length ? plain : plain.subarray(from, to);
  }

  function openChunk(
    key: string,
    header: Header,
    dataKey: Buffer,
    aad: Buffer,
    chunk: Uint8Array,
    i: number,
    range: RangeOf,
    timer?: ReadTimer,
  ): Buffer {
    return sliceChunk(header, decryptChunk(key, header, dataKey, aad, chunk, i, timer), i, range);
  }

  const aadOf = (header: Header, key: string) =>
    Buffer.concat([header.bytes, Buffer.alloc(8), Buffer.from(key)]);

  /** Decrypts chunks of an opened object, yielding per chunk; the key stays the caller's (not zeroed here). */
  async function* readRange(
    key: string,
    read: ReadSealed,
    header: Header,
    dataKey: Buffer,
    start: number,
    endInclusive: number,
    timer?: ReadTimer,
  ) {
    const p = plan(key, header, start, endInclusive);
    const range = { start, endInclusive, firstChunk: p.firstChunk, lastChunk: p.lastChunk };
    const aad = aadOf(header, key);
    const into = takeScratch();
    try {
      for (let group = p.firstChunk; group <= p.lastChunk; group += CHUNKS_PER_READ) {
        const groupEnd = Math.min(p.lastChunk, group + CHUNKS_PER_READ - 1);
        const sealed = await readGroup(read, p, group, groupEnd, into, timer);
        for (let i = group; i <= groupEnd; i++) {
          const offset = (i - group) * p.stride;
          const chunk = sealed.subarray(offset, Math.min(sealed.length, offset + p.stride));
          yield openChunk(key, header, dataKey, aad, chunk, i, range, timer);
        }
      }
    } finally {
      giveScratch(into);
    }
  }

  /**
   * The same range whole, as the decrypted pieces in order (one per chunk, not joined): for bodies sent
   * as one write. Chunks `kept` already holds are neither read nor decrypted again; the others are offered
   * to it once authenticated. On a failed chunk the pieces decrypted and not kept are zeroed.
   */
  async function readPieces(
    key: string,
    read: ReadSealed,
    header: Header,
    dataKey: Buffer,
    start: number,
    endInclusive: number,
    timer?: ReadTimer,
    kept?: KeptChunks,
  ): Promise<Buffer[]> {
    const p = plan(key, header, start, endInclusive);
    const range = { start, endInclusive, firstChunk: p.firstChunk, lastChunk: p.lastChunk };
    const plains: (Buffer | undefined)[] = [];
    let firstMissing = -1;
    let lastMissing = -1;
    for (let i = p.firstChunk; i <= p.lastChunk; i++) {
      const plain = kept?.get(i);
      plains.push(plain);
      if (plain) continue;
      if (firstMissing < 0) firstMissing = i;
      lastMissing = i;
    }
    const fresh: Buffer[] = [];
    if (firstMissing >= 0) {
      const aad = aadOf(header, key);
      const into = takeScratch();
      try {
        for (let group = firstMissing; group <= lastMissing; group += CHUNKS_PER_READ) {
          const groupEnd = Math.min(lastMissing, group + CHUNKS_PER_READ - 1);
          const sealed = await readGroup(read, p, group, groupEnd, into, timer);
          for (let i = group; i <= groupEnd; i++) {
            if (plains[i - p.firstChunk]) continue;
            const offset = (i - group) * p.stride;
            const chunk = sealed.subarray(offset, Math.min(sealed.length, offset + p.stride));
            const plain = decryptChunk(key, header, dataKey, aad, chunk, i, timer);
            plains[i - p.firstChunk] = plain;
            if (!kept?.offer(i, plain)) fresh.push(plain);
          }
        }
      } catch (error) {
        for (const plain of fresh) plain.fill(0);
        throw error;
      } finally {
        giveScratch(into);
      }
    }
    return plains.map((plain, offset) => sliceChunk(header, plain as Buffer, p.firstChunk + offset, range));
  }

  /** The object held open for the opened object's reads where the backend can (one positional read each). */
  async function openSealed(key: string): Promise<{ read: ReadSealed; close(): void }> {
    if (!inner.openReader) return { read: (start, end) => inner.getRange(key, start, end), close: () => {} };
    const reader: BlobReader = await inner.openReader(key);
    return { read: (start, end, into) => reader.getRange(start, end, into), close: () => reader.close() };
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
      readPieces: (start, endInclusive, timer, kept) =>
        readPieces(key, sealed.read, header, dataKey, start, endInclusive, timer, kept),
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
