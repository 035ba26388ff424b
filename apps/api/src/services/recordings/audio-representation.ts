import { cutWebmClip } from "../../media/cut-webm-clip.js";
import type { ReadTimer } from "../../storage/index.js";
import type { ListenTarget } from "./listen-target.js";
import type { RecordingStorage } from "./recording-storage.js";

/** The bytes one listener may be sent: the stored file, or for a clip-only listener a WebM of the clip. */
export interface AudioRepresentation {
  size: number;
  /** Decrypted audio this representation holds in memory: none for the whole file, the clip for a clip. */
  heldBytes: number;
  read(start: number, endInclusive: number, timer?: ReadTimer): AsyncIterable<Uint8Array>;
  /** Zeroes what it holds: the unwrapped data key (the whole file) or the decrypted clip. */
  close(): void;
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
): Promise<AudioRepresentation> {
  const { recording, window } = target;
  if (!window) {
    const object = await storage.store.open(recording.storageKey, recording.wrappedDataKey);
    return {
      size: recording.storedSizeBytes,
      heldBytes: 0,
      read: (start, end, timer) => object.read(start, end, timer),
      close: () => object.close(),
    };
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
    close: () => clip.fill(0),
  };
}
