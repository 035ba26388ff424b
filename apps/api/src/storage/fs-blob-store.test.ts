import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collect, patternBytes, plain, startFsBackend } from "./__tests__/backends.js";
import type { FsBlobStore } from "./fs-blob-store.js";

let backend: Awaited<ReturnType<typeof startFsBackend>>;
let store: FsBlobStore;
beforeEach(async () => {
  backend = await startFsBackend();
  store = backend.store;
});
afterEach(() => backend.stop());

const filesUnder = async (dir: string) => (await readdir(dir, { recursive: true })).map(String).sort();

describe("FsBlobStore crash consistency", () => {
  it("a write that fails midway leaves no object and no temporary file", async () => {
    async function* failing() {
      yield patternBytes(1000);
      throw new Error("connection reset");
    }
    await expect(store.put("recordings/half", failing())).rejects.toThrow("connection reset");
    expect(await store.exists("recordings/half")).toBe(false);
    expect(await filesUnder(join(backend.root, "recordings"))).toEqual([]);
  });

  it("a failed overwrite keeps the previous object intact", async () => {
    await store.put("recordings/keep", patternBytes(64, 1));
    async function* failing() {
      yield patternBytes(10, 2);
      throw new Error("disk full");
    }
    await expect(store.put("recordings/keep", failing())).rejects.toThrow("disk full");
    expect(plain(await store.getRange("recordings/keep", 0, 63))).toEqual(patternBytes(64, 1));
  });

  it("temp files left by a crash before rename are never listed, and cleanupTemp removes them", async () => {
    await store.put("recordings/2026/ok", patternBytes(10));
    // What a process killed between "write temp + fsync" and "rename" leaves behind:
    await writeFile(join(backend.root, "recordings", "2026", ".crashed.tmp-0a1b2c3d4e5f"), patternBytes(10));
    await writeFile(join(backend.root, "recordings", "stray.txt"), "not a key");
    expect(await collect(store.list(""))).toEqual(["recordings/2026/ok"]);
    expect(await store.cleanupTemp()).toBe(1);
    expect(await filesUnder(join(backend.root, "recordings", "2026"))).toEqual(["ok"]);
    expect(await store.cleanupTemp()).toBe(0);
  });

  it("writes files readable only by the service account", async () => {
    await store.put("recordings/mode", patternBytes(3));
    expect((await stat(join(backend.root, "recordings", "mode"))).mode & 0o077).toBe(0);
  });
});
