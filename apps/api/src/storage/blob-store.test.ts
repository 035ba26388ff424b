import { DomainError } from "@kuulo/domain/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collect,
  patternBytes,
  plain,
  startFsBackend,
  startS3Backend,
  type TestBackend,
} from "./__tests__/backends.js";

describe.each([
  ["fs", startFsBackend],
  ["s3 (s3rver)", startS3Backend],
])("BlobStore contract: %s", (_name, start) => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(() => backend?.stop());

  it("round-trips bytes and reads exact ranges", async () => {
    const data = patternBytes(100_000);
    await backend.store.put("recordings/a1", data);
    expect(await backend.store.size("recordings/a1")).toBe(100_000);
    expect(await backend.store.exists("recordings/a1")).toBe(true);
    expect(plain(await backend.store.getRange("recordings/a1", 0, 99_999))).toEqual(data);
    expect(plain(await backend.store.getRange("recordings/a1", 5, 5))).toEqual(data.subarray(5, 6));
    expect(plain(await backend.store.getRange("recordings/a1", 65_530, 70_000))).toEqual(
      data.subarray(65_530, 70_001),
    );
  });

  it("accepts an async iterable and replaces an existing object whole", async () => {
    async function* parts() {
      yield new Uint8Array([1, 2, 3]);
      yield new Uint8Array([4, 5]);
    }
    await backend.store.put("recordings/a2", patternBytes(50));
    await backend.store.put("recordings/a2", parts());
    expect(plain(await backend.store.getRange("recordings/a2", 0, 4))).toEqual(
      new Uint8Array([1, 2, 3, 4, 5]),
    );
    expect(await backend.store.size("recordings/a2")).toBe(5);
  });

  it("lists by prefix, and deletes idempotently", async () => {
    await backend.store.put("list/x/1", new Uint8Array([1]));
    await backend.store.put("list/x/2", new Uint8Array([2]));
    await backend.store.put("list/y/1", new Uint8Array([3]));
    expect((await collect(backend.store.list("list/x/"))).sort()).toEqual(["list/x/1", "list/x/2"]);
    expect((await collect(backend.store.list("list/"))).length).toBe(3);
    await backend.store.delete("list/x/1");
    await backend.store.delete("list/x/1");
    expect(await backend.store.exists("list/x/1")).toBe(false);
    expect(await collect(backend.store.list("list/x/"))).toEqual(["list/x/2"]);
  });

  it("reports a missing object as NOT_FOUND and a bad range as VALIDATION", async () => {
    await expect(backend.store.size("missing/object")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(backend.store.getRange("missing/object", 0, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await backend.store.put("ranges/r", patternBytes(10));
    await expect(backend.store.getRange("ranges/r", 5, 10)).rejects.toMatchObject({
      reason: "range.unsatisfiable",
    });
    await expect(backend.store.getRange("ranges/r", 6, 5)).rejects.toMatchObject({
      reason: "range.unsatisfiable",
    });
    await expect(backend.store.getRange("ranges/r", -1, 5)).rejects.toMatchObject({
      reason: "range.unsatisfiable",
    });
  });

  it.each(["../etc/passwd", "a/../b", "/abs", "Upper", "a//b", "a/", "dot.name", "", "a b", "a\u0000b"])(
    "refuses key %j",
    async (key) => {
      const error = await backend.store.put(key, new Uint8Array([1])).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "VALIDATION", field: "storage.key" });
    },
  );
});
