import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { BlobStore } from "../blob-store.js";
import { FsBlobStore } from "../fs-blob-store.js";
import { S3BlobStore } from "../s3-blob-store.js";

export interface TestBackend {
  name: string;
  store: BlobStore;
  stop(): Promise<void>;
}

export async function startFsBackend(): Promise<TestBackend & { store: FsBlobStore; root: string }> {
  const root = await mkdtemp(join(tmpdir(), "kuulo-fs-store-"));
  return {
    name: "fs",
    root,
    store: new FsBlobStore(root),
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

/** A real S3 protocol peer on loopback (s3rver), spoken to by the real AWS SDK client. */
export async function startS3Backend(
  options: { partSize?: number } = {},
): Promise<TestBackend & { store: S3BlobStore; endpoint: string; events: { key: string; how: string }[] }> {
  const directory = await mkdtemp(join(tmpdir(), "kuulo-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: "kuulo-test" }],
  });
  const events: { key: string; how: string }[] = [];
  // "Put" for a single PUT, "Post" for a completed multipart upload, "Copy" for a copy.
  server.on("event", (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    for (const record of event.Records) {
      events.push({ key: record.s3.object.key, how: record.eventName.split(":").pop() ?? "" });
    }
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const store = new S3BlobStore({
    bucket: "kuulo-test",
    region: "eu-north-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    keyPrefix: "kuulo/",
    ...(options.partSize ? { partSize: options.partSize } : {}),
  });
  return {
    name: "s3",
    store,
    endpoint,
    events,
    async stop() {
      store.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export async function collect(keys: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const key of keys) all.push(key);
  return all;
}

/** Deterministic pseudo-random bytes, so failures reproduce. */
export function patternBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Buffers and Uint8Arrays compare unequal in vitest; compare plain copies. */
export const plain = (bytes: Uint8Array) => new Uint8Array(bytes);
