import { describe, expect, it } from "vitest";
import { makeWav, sinePcm16 } from "../../test/fixtures/audio/audio-fixtures.js";
import { countWebmBlocks, webmBlocks } from "../../test/recordings-webm.js";
import { cutWebmClip } from "./cut-webm-clip.js";
import { decodeToPcm } from "./decode-to-pcm.js";
import { sniffAudio } from "./sniff-audio.js";
import { transcodeToWebmOpus } from "./transcode-to-webm-opus.js";

async function storedSine(seconds: number): Promise<Uint8Array> {
  const wav = makeWav({ sampleRate: 16000, data: sinePcm16(440, 16000, seconds) });
  const { pcm } = await decodeToPcm(wav, sniffAudio(wav));
  return transcodeToWebmOpus(pcm);
}

describe("cutWebmClip", () => {
  it("keeps exactly the blocks that start inside the window, re-timed from 0, frames untouched", async () => {
    const stored = await storedSine(6);
    const original = webmBlocks(stored).blocks;
    for (const window of [
      { startMs: 0, endMs: 1000 },
      { startMs: 2000, endMs: 3500 },
      { startMs: 1990, endMs: 2010 },
      { startMs: 5000, endMs: 9000 },
    ]) {
      const clip = cutWebmClip(stored, window);
      const { blocks, durationMs } = webmBlocks(clip);
      const expected = original.filter((b) => b.timeMs >= window.startMs && b.timeMs < window.endMs);
      expect(blocks.length, JSON.stringify(window)).toBe(expected.length);
      blocks.forEach((block, index) => {
        expect(block.timeMs).toBe(expected[index]!.timeMs - window.startMs);
        expect(block.frame.equals(expected[index]!.frame)).toBe(true);
      });
      expect(durationMs).toBe(window.endMs - window.startMs);
      expect(countWebmBlocks(clip)).toBe(expected.length);
    }
  });

  it("carries no frame from outside the window", async () => {
    const stored = await storedSine(4);
    const original = webmBlocks(stored).blocks;
    const clip = Buffer.from(cutWebmClip(stored, { startMs: 1000, endMs: 2000 }));
    for (const block of original.filter((b) => b.timeMs < 1000 || b.timeMs >= 2000)) {
      // Opus frames of a pure tone can repeat; only frames that occur nowhere inside the window count.
      const alsoInside = original.some(
        (b) => b.timeMs >= 1000 && b.timeMs < 2000 && b.frame.equals(block.frame),
      );
      if (!alsoInside) expect(clip.includes(block.frame)).toBe(false);
    }
  });

  it("refuses bytes that are not WebM", () => {
    expect(() => cutWebmClip(new Uint8Array([1, 2, 3, 4]), { startMs: 0, endMs: 1000 })).toThrow();
  });
});
