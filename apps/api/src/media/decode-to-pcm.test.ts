import { describe, expect, it } from "vitest";
import { FIXTURES, makeWav, readFixture, sinePcm16 } from "../../test/fixtures/audio/audio-fixtures.js";
import { decodeToPcm } from "./decode-to-pcm.js";
import { ALAW_TO_FLOAT, MULAW_TO_FLOAT } from "./g711.js";
import { resample } from "./resample.js";
import { sniffAudio } from "./sniff-audio.js";

const decode = (bytes: Uint8Array, options = {}) => decodeToPcm(bytes, sniffAudio(bytes), options);
const rms = (x: Float32Array) => Math.sqrt(x.reduce((sum, v) => sum + v * v, 0) / x.length);

describe("G.711 expansion", () => {
  it.each([
    ["µ-law 0xFF (positive zero)", MULAW_TO_FLOAT, 0xff, 0],
    ["µ-law 0x7F (negative zero)", MULAW_TO_FLOAT, 0x7f, 0],
    ["µ-law 0x00 (negative full scale)", MULAW_TO_FLOAT, 0x00, -32124],
    ["µ-law 0x80 (positive full scale)", MULAW_TO_FLOAT, 0x80, 32124],
    ["A-law 0xD5 (smallest positive)", ALAW_TO_FLOAT, 0xd5, 8],
    ["A-law 0x55 (smallest negative)", ALAW_TO_FLOAT, 0x55, -8],
    ["A-law 0xAA (positive full scale)", ALAW_TO_FLOAT, 0xaa, 32256],
    ["A-law 0x2A (negative full scale)", ALAW_TO_FLOAT, 0x2a, -32256],
  ])("%s", (_name, table, byte, linear) => {
    expect(table[byte]! * 32768).toBe(linear);
  });

  it("is monotonic over each sign half", () => {
    const positives = Array.from({ length: 128 }, (_, i) => MULAW_TO_FLOAT[0xff - i]!);
    expect(positives).toEqual([...positives].sort((a, b) => a - b));
  });
});

describe("decodeToPcm", () => {
  it("decodes PCM16 WAV sample-exactly at the source rate's duration", async () => {
    const samples = sinePcm16(440, 48000, 0.25);
    const { pcm, durationMs } = await decode(makeWav({ sampleRate: 48000, data: samples }));
    const view = new DataView(samples.buffer);
    expect(durationMs).toBe(250);
    expect(pcm.channels[0]!.length).toBe(12000);
    for (const i of [0, 1, 777, 11999]) expect(pcm.channels[0]![i]).toBe(view.getInt16(i * 2, true) / 32768);
  });

  it.each([
    [FIXTURES.pcm16Mono16k, 1, 2000],
    [FIXTURES.mulawMono8k, 1, 3000],
    [FIXTURES.alawMono8k, 1, 3000],
    [FIXTURES.pcm16Stereo8k, 2, 1500],
    [FIXTURES.mp3, 1, 3056],
    [FIXTURES.oggOpus, 1, 5072],
  ] as const)("%s → %i channel(s) at 48 kHz, %i ms", async (file, channels, durationMs) => {
    const { pcm, durationMs: decodedMs } = await decode(readFixture(file));
    expect(pcm.sampleRate).toBe(48000);
    expect(pcm.channels).toHaveLength(channels);
    expect(Math.abs(decodedMs - durationMs)).toBeLessThanOrEqual(60);
    expect(pcm.channels[0]!.length / 48).toBeCloseTo(decodedMs, -2);
    expect(rms(pcm.channels[0]!)).toBeGreaterThan(0.01);
  });

  it("keeps the agent and customer channels apart, or mixes them to mono on request", async () => {
    const stereo = await decode(readFixture(FIXTURES.pcm16Stereo8k));
    expect(stereo.pcm.channels[0]).not.toEqual(stereo.pcm.channels[1]);
    const mono = await decode(readFixture(FIXTURES.pcm16Stereo8k), { channels: "mono", sampleRate: 16000 });
    expect(mono.pcm).toMatchObject({ sampleRate: 16000 });
    expect(mono.pcm.channels).toHaveLength(1);
    expect(mono.pcm.channels[0]!.length).toBe(24000);
  });
});

describe("resample", () => {
  it("keeps a 1 kHz tone's level and pitch from 8 kHz to 48 kHz", () => {
    const input = new Float32Array(8000).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 8000));
    const output = resample(input, 8000, 48000);
    expect(output.length).toBe(48000);
    const middle = output.subarray(1000, 47000);
    expect(rms(middle)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    let crossings = 0;
    for (let i = 1; i < middle.length; i++) if (middle[i - 1]! < 0 !== middle[i]! < 0) crossings++;
    expect(crossings / (middle.length / 48000)).toBeCloseTo(2000, -1);
  });

  it("removes a tone above the new Nyquist frequency when downsampling", () => {
    const input = new Float32Array(44100).map((_, i) => 0.5 * Math.sin((2 * Math.PI * 12000 * i) / 44100));
    expect(rms(resample(input, 44100, 16000).subarray(200, 15800))).toBeLessThan(0.01);
  });
});
