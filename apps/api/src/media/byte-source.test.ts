import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileSource, memorySource, READ_BLOCK_BYTES } from "./byte-source.js";

const dir = mkdtempSync(join(tmpdir(), "kuulo-source-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byte sources", () => {
  const bytes = Uint8Array.from({ length: READ_BLOCK_BYTES * 2 + 123 }, (_, i) => (i * 7) & 0xff);
  const path = join(dir, "data.bin");
  writeFileSync(path, bytes);

  it("a file reads exactly what memory reads, at any offset, across and past the end", () => {
    const file = fileSource(path);
    const memory = memorySource(bytes);
    try {
      expect(file.length).toBe(bytes.length);
      const reads: [number, number][] = [
        [0, 12],
        [READ_BLOCK_BYTES - 5, 10],
        [7, READ_BLOCK_BYTES + 1000],
        [bytes.length - 4, 100],
        [bytes.length, 8],
        [bytes.length + 50, 8],
        [3, 0],
      ];
      for (const [at, length] of reads) {
        expect([...file.read(at, length)], `read(${at}, ${length})`).toEqual([...memory.read(at, length)]);
      }
    } finally {
      file.close();
    }
  });
});
