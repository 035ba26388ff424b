import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webmLayout } from "../../test/recordings-webm.js";
import { analyseAudio } from "./analyse-audio.js";
import { decodeWavBlock } from "./decode-wav.js";
import { sniffAudio } from "./sniff-audio.js";
import { decodeStoredWebm, speechQuality } from "./speech-quality.js";
import { transcodeToWebmOpus } from "./transcode-to-webm-opus.js";
import { CLUSTER_SECONDS } from "./webm-opus-writer.js";

const demo = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../demo-data/${name}`, import.meta.url)));

/** The original's samples at their own rate, one Float32Array per channel. */
function wavChannels(bytes: Uint8Array): Float32Array[] {
  const sniffed = sniffAudio(bytes);
  const data = bytes.subarray(sniffed.dataOffset!, sniffed.dataOffset! + sniffed.dataLength!);
  return decodeWavBlock(data, sniffed.format as "wav-pcm16", sniffed.channels);
}

const energy = (x: Float32Array) => x.reduce((sum, v) => sum + v * v, 0);

describe("stored Opus encoding", () => {
  it("keeps the agent and customer apart: speech on one channel never leaks into the other", async () => {
    // A stereo call where only the left channel speaks, at the telephone rate and at a wide rate.
    const speech = wavChannels(demo("call-006.wav"))[0]!;
    for (const sampleRate of [8000, 16000]) {
      const left = sampleRate === 8000 ? speech : speech.map((_, i, a) => a[Math.floor(i / 2)]!);
      const stored = await transcodeToWebmOpus({
        channels: [left, new Float32Array(left.length)],
        sampleRate,
      });
      const [l, r] = await decodeStoredWebm(stored);
      // Below libopus' stereo threshold it would code mid only and both channels would carry the speech.
      expect(10 * Math.log10(energy(l!) / Math.max(energy(r!), 1e-12))).toBeGreaterThan(30);
    }
  }, 120_000);

  // The earlier stored form (opusscript's libopus 1.4, 24 kbit/s stereo, 20 ms packets, 48 kHz input)
  // measured with speechQuality(), per channel: [segmental SNR dB, log-spectral distance dB].
  const EARLIER: Record<string, [number, number][]> = {
    "call-006.wav": [
      [6.51, 4.16],
      [6.82, 3.95],
    ],
    "call-012.wav": [
      [6.85, 3.95],
      [6.91, 3.8],
    ],
  };

  it("stores 8 kHz stereo speech in ≤ 0.12 MB per call-minute, no worse than the earlier form", async () => {
    for (const [name, earlier] of Object.entries(EARLIER)) {
      const bytes = demo(name);
      const result = await analyseAudio(bytes);
      const perMinute = result.stored.bytes.length / (result.durationMs / 60_000);
      expect(perMinute).toBeLessThanOrEqual(120_000);
      const decoded = await decodeStoredWebm(result.stored.bytes);
      wavChannels(bytes).forEach((original, c) => {
        const quality = speechQuality(original, decoded[c]!);
        expect(quality.segmentalSnrDb).toBeGreaterThanOrEqual(earlier[c]![0]);
        expect(quality.logSpectralDistanceDb).toBeLessThanOrEqual(earlier[c]![1]);
      });
    }
  }, 120_000);

  it("writes 60 ms packets in clusters of at most CLUSTER_SECONDS, each with its CuePoint", async () => {
    const result = await analyseAudio(demo("call-001.wav"));
    const layout = webmLayout(result.stored.bytes);
    const blocks = layout.clusters.reduce((sum, c) => sum + c.blocks, 0);
    expect(Math.abs(blocks * 60 - result.durationMs)).toBeLessThan(130);
    expect(layout.durationMs).toBeCloseTo(blocks * 60, -1);
    expect(layout.clusters.length).toBe(Math.ceil(blocks / ((CLUSTER_SECONDS * 1000) / 60)));
    layout.clusters.forEach((cluster, i) => {
      expect(cluster.timestampMs).toBe(i * CLUSTER_SECONDS * 1000);
      expect(cluster.lastBlockMs).toBeLessThan(CLUSTER_SECONDS * 1000);
    });
    expect(layout.cues).toEqual(
      layout.clusters.map((c) => ({ timeMs: c.timestampMs, clusterPosition: c.segmentOffset })),
    );
    expect(layout.seekHead.get(0x1c53bb6b)).toBeGreaterThan(layout.clusters.at(-1)!.segmentOffset);
  });

  it("encodes a hundred recordings in one thread with the same output for the same input", async () => {
    const pcm = (channels: number) => ({
      channels: Array.from({ length: channels }, () =>
        new Float32Array(8000).map((_, i) => 0.3 * Math.sin(i / 9)),
      ),
      sampleRate: 8000,
    });
    const first = [await transcodeToWebmOpus(pcm(1)), await transcodeToWebmOpus(pcm(2))];
    for (let i = 0; i < 100; i++) {
      const out = await transcodeToWebmOpus(pcm(1 + (i % 2)));
      expect(out).toEqual(first[i % 2]);
    }
  }, 300_000);
});
