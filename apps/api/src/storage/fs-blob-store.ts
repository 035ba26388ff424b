import { randomBytes } from "node:crypto";
import { type FileHandle, mkdir, open, opendir, rename, rm, stat, unlink } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import {
  asChunks,
  assertBlobKey,
  assertBlobPrefix,
  assertRange,
  type BlobReader,
  type BlobStore,
  blobNotFound,
  isBlobKey,
} from "./blob-store.js";

const TEMP_MARKER = ".tmp-";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";

async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readFully(
  handle: FileHandle,
  key: string,
  size: number,
  start: number,
  endInclusive: number,
  into?: Buffer,
): Promise<Uint8Array> {
  assertRange(key, start, endInclusive, size);
  const length = endInclusive - start + 1;
  // A reused buffer is already paged in: a fresh one faults on every page the read fills.
  const buffer = into && into.length >= length ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled);
    if (bytesRead === 0) throw new Error(`Stored object ${key} shrank while being read.`);
    filled += bytesRead;
  }
  return buffer;
}

/**
 * Local filesystem backend. put() writes a temporary file beside the target, fsyncs it, renames it into
 * place and fsyncs the directory, so a crash leaves either the complete object or an unlisted temp file.
 */
export class FsBlobStore implements BlobStore {
  constructor(readonly rootDir: string) {}

  private pathOf(key: string): string {
    return join(this.rootDir, ...assertBlobKey(key).split("/"));
  }

  async put(key: string, data: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(key);
    const directory = dirname(target);
    const firstCreated = await mkdir(directory, { recursive: true });
    const temp = join(directory, `.${key.split("/").pop()}${TEMP_MARKER}${randomBytes(6).toString("hex")}`);
    let handle: FileHandle | undefined = await open(temp, "wx", 0o600);
    try {
      for await (const chunk of asChunks(data)) await handle.write(chunk);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await rename(temp, target);
      await fsyncDirectory(directory);
      // New directories must be made durable in their parents too.
      if (firstCreated) {
        for (let d = directory; d !== dirname(firstCreated); d = dirname(d)) await fsyncDirectory(dirname(d));
      }
    } catch (error) {
      await handle?.close();
      await rm(temp, { force: true });
      throw error;
    }
  }

  async getRange(key: string, start: number, endInclusive: number): Promise<Uint8Array> {
    const reader = await this.openReader(key);
    try {
      return await reader.getRange(start, endInclusive);
    } finally {
      reader.close();
    }
  }

  /** Keeps the file open: each range is then one positional read (no open, stat and close per request). */
  async openReader(key: string): Promise<BlobReader> {
    const path = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await open(path, "r");
    } catch (error) {
      if (isMissing(error)) throw blobNotFound(key);
      throw error;
    }
    let size: number;
    try {
      size = (await handle.stat()).size;
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      size,
      getRange: (start, endInclusive, into) => readFully(handle, key, size, start, endInclusive, into),
      close: () => {
        handle.close().catch(() => {});
      },
    };
  }

  async size(key: string): Promise<number> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (error) {
      if (isMissing(error)) throw blobNotFound(key);
      throw error;
    }
  }

  async lastModified(key: string): Promise<Date> {
    try {
      return (await stat(this.pathOf(key))).mtime;
    } catch (error) {
      if (isMissing(error)) throw blobNotFound(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    await fsyncDirectory(dirname(path));
  }

  async *list(prefix: string): AsyncIterable<string> {
    assertBlobPrefix(prefix);
    // Only the directory named by the prefix's complete segments can hold matching keys.
    const fixedSegments = prefix.split("/").slice(0, -1).filter(Boolean);
    for await (const path of this.walk(join(this.rootDir, ...fixedSegments))) {
      const key = relative(this.rootDir, path).split(sep).join("/");
      if (isBlobKey(key) && key.startsWith(prefix)) yield key;
    }
  }

  /** Removes temporary files left by a crash between write and rename; returns how many were removed. */
  async cleanupTemp(): Promise<number> {
    let removed = 0;
    for await (const path of this.walk(this.rootDir)) {
      if (path.slice(dirname(path).length + 1).includes(TEMP_MARKER)) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private async *walk(directory: string): AsyncIterable<string> {
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(directory);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    const entries: { name: string; isDir: boolean }[] = [];
    for await (const entry of dir) entries.push({ name: entry.name, isDir: entry.isDirectory() });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDir) yield* this.walk(path);
      else yield path;
    }
  }
}
