import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webmBlocks, webmLayout } from "../../test/recordings-webm.js";
import { analyseAudio } from "./analyse-audio.js";
import { decodeToPcm } from "./decode-to-pcm.js";
import { decodeWavBlock } from "./decode-wav.js";
import { resample } from "./resample.js";
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

/** The rate libopus was given, as the stored OpusHead (WebM CodecPrivate) records it. */
function encodedRate(stored: Uint8Array): number {
  const bytes = Buffer.from(stored);
  return bytes.readUInt32LE(bytes.indexOf("OpusHead") + 12);
}

/** Both channels' quality never worse than `floor` ([segmental SNR, LSD] per channel). */
async function expectNoWorse(stored: Uint8Array, originals: Float32Array[], floor: [number, number][]) {
  const decoded = await decodeStoredWebm(stored);
  originals.forEach((original, c) => {
    const quality = speechQuality(original, decoded[c]!);
    expect(quality.segmentalSnrDb).toBeGreaterThanOrEqual(floor[c]![0]);
    expect(quality.logSpectralDistanceDb).toBeLessThanOrEqual(floor[c]![1]);
  });
}

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
      // Sample-and-hold leaves images of the speech above 4 kHz: wide-band content, kept at 16 kHz.
      expect(encodedRate(stored)).toBe(sampleRate);
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
      await expectNoWorse(result.stored.bytes, wavChannels(bytes), earlier);
    }
  }, 120_000);

  // Telephone audio in a wide-band container (what the demo MP3s at 22.05 kHz and Ogg Opus at 48 kHz are):
  // the same calls resampled up, stored the way they were before the band probe (input kept at 24/48 kHz,
  // 24 kbit/s stereo), measured per channel against the 8 kHz original: [segmental SNR dB, LSD dB].
  const WIDE_CONTAINER_BEFORE: Record<string, Record<number, [number, number][]>> = {
    "call-006.wav": {
      22050: [
        [7.03, 4.32],
        [7.6, 4.79],
      ],
      48000: [
        [6.89, 4.52],
        [7.52, 4.87],
      ],
    },
    "call-012.wav": {
      22050: [
        [6.34, 4.98],
        [6.33, 4.69],
      ],
      48000: [
        [6.22, 5.11],
        [6.4, 4.76],
      ],
    },
  };

  it("stores telephone speech in a wide-band container at 8 kHz: ≤ 0.12 MB per call-minute, no worse than before", async () => {
    for (const [name, byRate] of Object.entries(WIDE_CONTAINER_BEFORE)) {
      const originals = wavChannels(demo(name));
      const minutes = originals[0]!.length / 8000 / 60;
      for (const [rate, before] of Object.entries(byRate)) {
        const sampleRate = Number(rate);
        const stored = await transcodeToWebmOpus({
          channels: originals.map((samples) => resample(samples, 8000, sampleRate)),
          sampleRate,
        });
        expect(encodedRate(stored), `${name} at ${rate} Hz`).toBe(8000);
        expect(stored.length / minutes, `${name} at ${rate} Hz`).toBeLessThanOrEqual(120_000);
        await expectNoWorse(stored, originals, before);
      }
    }
  }, 180_000);

  // Demo Ogg Opus calls (8 kHz calls that opusenc coded at 48 kHz), as stored before the band probe (input
  // kept at 48 kHz, 24 kbit/s): bytes per call-minute, and per channel [segmental SNR dB, LSD dB] against
  // their own decoded audio at 8 kHz, which is all a lossy original has to compare with.
  const LOSSY_BEFORE: Record<string, { perMinute: number; quality: [number, number][] }> = {
    "call-003.opus": {
      perMinute: 163_482,
      quality: [
        [7.34, 3.52],
        [6.87, 3.67],
      ],
    },
    "call-010.opus": {
      perMinute: 166_273,
      quality: [
        [7.12, 3.87],
        [7.02, 3.88],
      ],
    },
  };

  it("stores the demo Ogg Opus calls at 8 kHz: a fifth smaller at least, no worse than before", async () => {
    for (const [name, before] of Object.entries(LOSSY_BEFORE)) {
      const bytes = demo(name);
      const result = await analyseAudio(bytes);
      expect(encodedRate(result.stored.bytes), name).toBe(8000);
      // Not ≤ 0.12 MB for every single call (on average per format it is, see below): the decoded lossy
      // source carries crosstalk and coding noise that the 18 kbit/s VBR stream (the least that keeps the
      // channels apart) spends bits on (BENCHMARKS.md d2).
      const perMinute = result.stored.bytes.length / (result.durationMs / 60_000);
      expect(perMinute, name).toBeLessThanOrEqual(0.8 * before.perMinute);
      const { pcm } = await decodeToPcm(bytes, sniffAudio(bytes));
      const heard = pcm.channels.map((samples) => resample(samples, pcm.sampleRate, 8000));
      await expectNoWorse(result.stored.bytes, heard, before.quality);
    }
  }, 180_000);

  it("stores the lossy demo sources (MP3, Ogg Opus) in ≤ 0.12 MB per call-minute on average per format", async () => {
    const byFormat = new Map<string, { bytes: number; ms: number }>();
    for (const name of readdirSync(new URL("../../demo-data/", import.meta.url))) {
      if (!/\.(mp3|opus)$/.test(name)) continue;
      const result = await analyseAudio(demo(name));
      const total = byFormat.get(result.format) ?? { bytes: 0, ms: 0 };
      total.bytes += result.stored.bytes.length;
      total.ms += result.durationMs;
      byFormat.set(result.format, total);
    }
    expect([...byFormat.keys()].sort()).toEqual(["mp3", "ogg-opus"]);
    for (const [format, total] of byFormat) {
      expect(total.bytes / (total.ms / 60_000), format).toBeLessThanOrEqual(120_000);
    }
  }, 300_000);

  it("writes 60 ms packets in clusters of at most CLUSTER_SECONDS, each with its CuePoint", async () => {
    const result = await analyseAudio(demo("call-001.wav"));
    const layout = webmLayout(result.stored.bytes);
    const blocks = layout.clusters.reduce((sum, c) => sum + c.blocks, 0);
    // The pauses between turns are DTX (TOC-only packets), yet every 60 ms still has its block.
    const dtx = webmBlocks(result.stored.bytes).blocks.filter((b) => b.frame.length === 1).length;
    expect(dtx).toBeGreaterThan(0);
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
