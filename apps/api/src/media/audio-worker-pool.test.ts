import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomainError } from "@kuulo/domain/errors";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, readFixture } from "../../test/fixtures/audio/audio-fixtures.js";
import { createAudioWorkerPool } from "./audio-worker-pool.js";

const pool = createAudioWorkerPool({ size: 2 });
afterAll(() => pool.close());

describe("audio worker pool", () => {
  it("processes every accepted format off the main thread", async () => {
    const inputs = Object.values(FIXTURES).map(readFixture);
    const results = await Promise.all(inputs.map((bytes) => pool.processAudio(bytes)));
    expect(results.map((r) => r.format)).toEqual([
      "wav-pcm16",
      "wav-mulaw",
      "wav-alaw",
      "wav-pcm16",
      "mp3",
      "ogg-opus",
    ]);
    results.forEach((result, i) => {
      expect(result.originalSha256).toBe(createHash("sha256").update(inputs[i]!).digest("hex"));
      expect(result.stored.contentType).toBe("audio/webm; codecs=opus");
      expect(result.stored.sha256).toBe(createHash("sha256").update(result.stored.bytes).digest("hex"));
      expect([...result.stored.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
      expect(result.peaks.buckets).toBe(1000);
    });
    expect(results[3]).toMatchObject({ channels: 2, sampleRate: 8000, durationMs: 1500 });
  });

  it("streams a file given by path, forwarding progress, with the same result as its bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kuulo-pool-"));
    try {
      const bytes = readFixture(FIXTURES.mp3);
      const path = join(dir, "speech.mp3");
      writeFileSync(path, bytes);
      const progress: number[] = [];
      const fromFile = await pool.processAudio({ path }, { onProgress: (f) => progress.push(f) });
      expect(fromFile).toEqual(await pool.processAudio(bytes));
      expect(progress.length).toBeGreaterThan(0);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the event loop free while a job runs", async () => {
    const order: string[] = [];
    const job = pool.processAudio(readFixture(FIXTURES.oggOpus)).then(() => order.push("job"));
    setImmediate(() => order.push("immediate"));
    await job;
    expect(order).toEqual(["immediate", "job"]);
  });

  it("passes DomainErrors through with their code, field and reason", async () => {
    const error = await pool
      .processAudio(new TextEncoder().encode("not audio at all, just text"))
      .catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "UNSUPPORTED_MEDIA", field: "audio", rule: "R5" });
  });

  it("refuses oversize input before it reaches a worker, and applies duration limits", async () => {
    const wav = readFixture(FIXTURES.pcm16Mono16k);
    await expect(pool.processAudio(wav, { limits: { maxBytes: 1000 } })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(pool.processAudio(wav, { limits: { maxDurationMs: 1000 } })).rejects.toMatchObject({
      reason: "audio.too_long",
    });
  });

  it("kills a job past its time limit and serves the next job with a fresh worker", async () => {
    const impatient = createAudioWorkerPool({ size: 1, jobTimeoutMs: 1 });
    try {
      const bytes = readFixture(FIXTURES.oggOpus);
      await expect(impatient.processAudio(bytes)).rejects.toMatchObject({ code: "INTERNAL" });
      await expect(impatient.processAudio(bytes)).rejects.toThrow(/timed out/);
    } finally {
      await impatient.close();
    }
  });
});
