import { describe, expect, it } from "vitest";
import { OpusSpeechEncoder } from "./opus-encoder.js";
import { transcodeToWebmOpus } from "./transcode-to-webm-opus.js";

describe("OpusSpeechEncoder", () => {
  it("reuses one encoder per channel layout and restarts its stream each time", () => {
    const options = { bitrate: 16000, complexity: 5 };
    const a = OpusSpeechEncoder.shared(1, 960, options);
    const frame = new Int16Array(960).map((_, i) => Math.round(8000 * Math.sin(i / 7)));
    const first = a.encode(frame);
    const b = OpusSpeechEncoder.shared(1, 960, options);
    expect(b).toBe(a);
    // After the reset the same input yields the same first packet: no state carried between recordings.
    expect(b.encode(frame)).toEqual(first);
    expect(OpusSpeechEncoder.shared(2, 960, options)).not.toBe(a);
  });

  it("survives hundreds of recordings in one thread (no WASM heap corruption or leak)", () => {
    const pcm = (channels: number) => ({
      channels: Array.from({ length: channels }, () =>
        new Float32Array(48000).map((_, i) => 0.3 * Math.sin(i / 9)),
      ),
      sampleRate: 48000,
    });
    for (let i = 0; i < 300; i++) {
      const out = transcodeToWebmOpus(pcm(1 + (i % 2)));
      expect(out.length).toBeGreaterThan(1000);
    }
  });

  it("keeps the configured bitrate for speech (about 2 kB per second at 16 kbit/s)", () => {
    const encoder = OpusSpeechEncoder.shared(1, 960, { bitrate: 16000, complexity: 5 });
    let bytes = 0;
    let seed = 3;
    const frame = new Int16Array(960);
    for (let k = 0; k < 250; k++) {
      for (let i = 0; i < 960; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        frame[i] = Math.round(6000 * Math.sin((k * 960 + i) / 11) + (seed % 2000) - 1000);
      }
      bytes += encoder.encode(frame).length;
    }
    expect(bytes / 5).toBeGreaterThan(1500);
    expect(bytes / 5).toBeLessThan(2600);
  });
});
