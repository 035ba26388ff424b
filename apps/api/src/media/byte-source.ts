import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * Random access to an upload without holding it in memory: the sniffers walk every frame or page and the
 * decoders read it in blocks through this, whether it is a file on disk or bytes already in memory.
 */
export interface ByteSource {
  readonly length: number;
  /**
   * Up to `length` bytes from `at` (fewer at the end of the source). The view is only valid until the next
   * call: copy what must outlive it.
   */
  read(at: number, length: number): Uint8Array;
  close(): void;
}

/** Bytes already in memory (tests, small uploads). */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    length: bytes.length,
    read: (at, length) => bytes.subarray(at, Math.min(bytes.length, at + length)),
    close: () => {},
  };
}

/** Largest single read the sniffers and decoders make; an Ogg page is at most 65,307 bytes. */
export const READ_BLOCK_BYTES = 256 * 1024;

/**
 * A file read through one reusable window of READ_BLOCK_BYTES (or the largest single request), so memory
 * stays constant however long the recording is. Synchronous reads: it runs on an audio worker thread.
 */
export function fileSource(path: string): ByteSource {
  const fd = openSync(path, "r");
  const length = fstatSync(fd).size;
  let window = new Uint8Array(READ_BLOCK_BYTES);
  let windowStart = 0;
  let windowLength = 0;
  return {
    length,
    read(at, wanted) {
      const end = Math.min(length, at + wanted);
      if (end <= at) return window.subarray(0, 0);
      if (at >= windowStart && end <= windowStart + windowLength) {
        return window.subarray(at - windowStart, end - windowStart);
      }
      if (end - at > window.length) window = new Uint8Array(end - at);
      windowStart = at;
      windowLength = 0;
      const fill = Math.min(window.length, length - at);
      while (windowLength < fill) {
        const got = readSync(fd, window, windowLength, fill - windowLength, at + windowLength);
        if (got === 0) break;
        windowLength += got;
      }
      return window.subarray(0, Math.min(windowLength, end - at));
    },
    close: () => closeSync(fd),
  };
}
