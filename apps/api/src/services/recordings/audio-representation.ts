import { cutWebmClip } from "../../media/cut-webm-clip.js";
import type { KeptChunks, OpenedObject, ReadTimer } from "../../storage/index.js";
import type { ListenTarget } from "./listen-target.js";
import type { RecordingStorage } from "./recording-storage.js";

/** The bytes one listener may be sent: the stored file, or for a clip-only listener a WebM of the clip. */
export interface AudioRepresentation {
  size: number;
  /** Decrypted audio this representation holds in memory: none for the whole file, the clip for a clip. */
  heldBytes: number;
  read(start: number, endInclusive: number, timer?: ReadTimer): AsyncIterable<Uint8Array>;
  /** The same range whole, as pieces in order (for a body sent in one write). */
  readPieces(start: number, endInclusive: number, timer?: ReadTimer): Promise<Buffer[]>;
  /** Pieces read but never sent: zeroed when they are decrypted copies of their own. */
  discard(pieces: Buffer[]): void;
  /** Zeroes what it holds: the unwrapped data key (the whole file) or the decrypted clip. */
  close(): void;
}

/**
 * Decrypted chunks kept by all listening sessions of one app together (each session's for as long as its
 * listen cache entry lives, at most its TTL); beyond `maxBytes` (KUULO_AUDIO_KEPT_PLAINTEXT_BYTES, default
 * 64 MiB) none more is kept and chunks are decrypted per request. 0 keeps nothing: every range is read and
 * decrypted.
 */
export class KeptPlaintextBudget {
  #used = 0;
  constructor(readonly maxBytes: number) {}
  /** Bytes of decrypted chunks kept now, all sessions together. */
  get used(): number {
    return this.#used;
  }
  take(bytes: number): boolean {
    if (this.#used + bytes > this.maxBytes) return false;
    this.#used += bytes;
    return true;
  }
  give(bytes: number): void {
    this.#used -= bytes;
  }
}

/**
 * The whole stored file. A listening session's Range requests overlap chunks (a 64 KiB range mostly spans
 * two 64 KiB chunks; players re-request what they seek back to), so the chunks it has decrypted are kept
 * with it, within the app's budget, and zeroed with its data key on close(), which runs only once
 * no response still sends them.
 */
export function wholeFile(
  object: OpenedObject,
  size: number,
  budget: KeptPlaintextBudget,
): AudioRepresentation {
  const chunks = new Map<number, Buffer>();
  const keptBuffers = new Set<ArrayBufferLike>();
  let closed = false;
  const kept: KeptChunks = {
    get: (index) => chunks.get(index),
    offer: (index, plain) => {
      if (closed || chunks.has(index) || !budget.take(plain.length)) return false;
      chunks.set(index, plain);
      keptBuffers.add(plain.buffer);
      return true;
    },
  };
  return {
    size,
    heldBytes: 0,
    read: (start, end, timer) => object.read(start, end, timer),
    readPieces: (start, end, timer) => object.readPieces(start, end, timer, kept),
    discard: (pieces) => {
      for (const piece of pieces) if (!keptBuffers.has(piece.buffer)) piece.fill(0);
    },
    close: () => {
      closed = true;
      for (const plain of chunks.values()) {
        plain.fill(0);
        budget.give(plain.length);
      }
      chunks.clear();
      keptBuffers.clear();
      object.close();
    },
  };
}

/**
 * The whole recording streams from the encrypted store, decrypting only the chunks a range needs (the
 * object is opened once: header read, data key unwrapped). A clip is cut from the decrypted file into its
 * own WebM (the same bytes on every request, so Range requests over it agree); nothing outside the clip's
 * window is in it, whatever range is asked for. The decrypted file is zeroed once the clip is cut.
 */
export async function audioRepresentation(
  storage: RecordingStorage,
  target: ListenTarget,
  budget: KeptPlaintextBudget,
): Promise<AudioRepresentation> {
  const { recording, window } = target;
  if (!window) {
    const object = await storage.store.open(recording.storageKey, recording.wrappedDataKey);
    return wholeFile(object, recording.storedSizeBytes, budget);
  }
  const stored = await storage.store.getPlaintextRange(
    recording.storageKey,
    recording.wrappedDataKey,
    0,
    recording.storedSizeBytes - 1,
  );
  let clip: Uint8Array;
  try {
    clip = cutWebmClip(stored, window);
  } finally {
    stored.fill(0);
  }
  return {
    size: clip.length,
    heldBytes: clip.length,
    async *read(start, end) {
      yield clip.subarray(start, end + 1);
    },
    // Views of the kept clip, which is zeroed when its listen entry is dropped.
    readPieces: async (start, end) => [Buffer.from(clip.buffer, clip.byteOffset + start, end - start + 1)],
    discard: () => {},
    close: () => clip.fill(0),
  };
}
