import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { DomainError } from "@kuulo/domain/errors";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, makeWav, readFixture } from "../../test/fixtures/audio/audio-fixtures.js";
import { analyseAudio } from "./analyse-audio.js";
import { PROBE_MAX_SECONDS } from "./band-probe.js";
import { computePeaks } from "./compute-peaks.js";
import { decodeWavBlock } from "./decode-wav.js";
import { sniffAudio } from "./sniff-audio.js";

const dir = mkdtempSync(join(tmpdir(), "kuulo-analyse-"));

setFlagsFromString("--expose-gc");
// V8 frees dead array buffers on a background thread after a collection; on a busy machine that thread
// lags and memoryUsage() still counts tens of MB of garbage. Sweeping them within gc() makes it count none.
setFlagsFromString("--no-concurrent-array-buffer-sweeping");
const collectGarbage = runInNewContext("gc") as () => void;
/**
 * Array-buffer bytes still reachable. Collected first: garbage waits for V8's next collection (up to
 * 64 MB of external memory on a busy machine), so without it the figure measures GC timing, not holding.
 */
const liveArrayBuffers = () => {
  collectGarbage();
  return process.memoryUsage().arrayBuffers;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stereo PCM16 call of `seconds` (8 kHz unless said), speech-like (two voices' worth of tones and noise),
 * optionally after `silentSeconds` of silence.
 */
function longCall(seconds: number, sampleRate = 8000, silentSeconds = 0): Uint8Array {
  const frames = sampleRate * seconds;
  const data = new Uint8Array(frames * 4);
  const view = new DataView(data.buffer);
  let seed = 7;
  for (let i = 0; i < frames; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    if (i < silentSeconds * sampleRate) continue;
    const at8k = (i * 8000) / sampleRate;
    const talking = Math.floor(at8k / 24000) % 2; // 3 s turns, left then right
    const voice = 0.3 * Math.sin(at8k / 5) * Math.sin(at8k / 900) + ((seed % 2000) - 1000) / 20000;
    view.setInt16(i * 4, Math.round((talking ? 0.01 : 1) * voice * 32767), true);
    view.setInt16(i * 4 + 2, Math.round((talking ? 1 : 0.01) * voice * 32767), true);
  }
  return makeWav({ channels: 2, sampleRate, data });
}

describe("analyseAudio", () => {
  it("gives the same result from a file on disk as from the same bytes in memory", async () => {
    for (const name of Object.values(FIXTURES)) {
      const bytes = readFixture(name);
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const fromFile = await analyseAudio({ path });
      const fromMemory = await analyseAudio(bytes);
      expect(fromFile).toEqual(fromMemory);
    }
  }, 120_000);

  it("refuses a truncated file on disk exactly as it refuses the same bytes in memory", async () => {
    for (const name of Object.values(FIXTURES)) {
      const bytes = readFixture(name);
      for (const k of [1, 5, 10, 15, 19]) {
        const cut = bytes.subarray(0, Math.floor((bytes.length * k) / 20));
        const path = join(dir, `cut-${k}-${name}`);
        writeFileSync(path, cut);
        const fromFile = await analyseAudio({ path }).catch((e) => e);
        const fromMemory = await analyseAudio(cut).catch((e) => e);
        expect(fromFile).toBeInstanceOf(DomainError);
        expect({ ...fromFile, message: fromFile.message }).toEqual({
          ...fromMemory,
          message: fromMemory.message,
        });
      }
    }
  }, 120_000);

  it("streams peaks that equal whole-signal peaks of the original samples", async () => {
    const bytes = readFixture(FIXTURES.pcm16Stereo8k);
    const sniffed = sniffAudio(bytes);
    const data = bytes.subarray(sniffed.dataOffset!, sniffed.dataOffset! + sniffed.dataLength!);
    const whole = computePeaks({ channels: decodeWavBlock(data, "wav-pcm16", 2), sampleRate: 8000 });
    const streamed = (await analyseAudio(bytes)).peaks;
    expect(streamed.buckets).toBe(1000);
    expect(streamed).toEqual(whole);
  });

  it("processes a long call in constant memory and reports progress within the file", async () => {
    const minutes = 3;
    const path = join(dir, "long.wav");
    writeFileSync(path, longCall(minutes * 60));
    await analyseAudio(readFixture(FIXTURES.pcm16Stereo8k)); // libopus and its WASM memory loaded
    const used = liveArrayBuffers;
    const before = used();
    let peak = before;
    const progress: number[] = [];
    const result = await analyseAudio({ path }, {}, (fraction) => {
      progress.push(fraction);
      peak = Math.max(peak, used());
    });
    expect(result.durationMs).toBe(minutes * 60_000);
    // Decoding the whole call to 48 kHz float, as before, held 3 × 60 × 48000 × 2 × 4 B = 66 MiB;
    // now buffers hold one read block, one batch of frames and the growing output (~0.6 MB).
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  }, 600_000); // a busy shared machine encodes slowly; nothing here depends on time

  it("holds back at most PROBE_MAX_SECONDS of a wide-band container while the band probe listens", async () => {
    const path = join(dir, "long-16k.wav");
    // The probe hears nothing for the first 40 s, so it holds the most it ever holds before deciding.
    writeFileSync(path, longCall(120, 16000, 40));
    // Warmed on the same path first: libav's WASM heap grows once to what this path needs and never shrinks.
    await analyseAudio(longCall(45, 16000, 40));
    const used = liveArrayBuffers;
    const before = used();
    let peak = before;
    const result = await analyseAudio({ path }, {}, () => {
      peak = Math.max(peak, used());
    });
    expect(result.durationMs).toBe(120_000);
    expect(result.sampleRate).toBe(16000);
    // Held: PROBE_MAX_SECONDS × 16000 × 2 channels × 4 B = 3.8 MB; the whole call as float would be 15 MB.
    expect(PROBE_MAX_SECONDS * 16000 * 2 * 4).toBeLessThan(4 * 1024 * 1024);
    expect(peak - before).toBeLessThan(8 * 1024 * 1024);
  }, 600_000);
});
