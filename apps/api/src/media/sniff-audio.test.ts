import { DomainError } from "@kuulo/domain/errors";
import { describe, expect, it } from "vitest";
import { FIXTURES, makeWav, readFixture } from "../../test/fixtures/audio/audio-fixtures.js";
import { sniffAudio } from "./sniff-audio.js";
import { oggPageCrc } from "./sniff-ogg-opus.js";

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, but the input was accepted");
}

describe("sniffAudio recognises accepted formats by content", () => {
  it.each([
    [FIXTURES.pcm16Mono16k, "wav-pcm16", 1, 16000, 2000],
    [FIXTURES.mulawMono8k, "wav-mulaw", 1, 8000, 3000],
    [FIXTURES.alawMono8k, "wav-alaw", 1, 8000, 3000],
    [FIXTURES.pcm16Stereo8k, "wav-pcm16", 2, 8000, 1500],
    [FIXTURES.mp3, "mp3", 1, 22050, 3056],
    [FIXTURES.oggOpus, "ogg-opus", 1, 48000, 5072],
  ] as const)("%s → %s", (file, format, channels, sampleRate, durationMs) => {
    const sniffed = sniffAudio(readFixture(file));
    expect(sniffed).toMatchObject({ format, channels, sampleRate });
    expect(sniffed.estimatedDurationMs).toBeCloseTo(durationMs, -1);
  });

  it("accepts a forged minimal PCM16 WAV and reads its data location", () => {
    expect(sniffAudio(makeWav())).toMatchObject({ format: "wav-pcm16", dataOffset: 44, dataLength: 1600 });
  });

  it("reads a WAV handed over as a Node Buffer that is a view into a larger allocation", () => {
    // Buffer#slice() is a view, not a copy: a header field read through it must honour byteOffset.
    const wav = makeWav();
    const backing = Buffer.alloc(wav.length + 16, 0x52);
    backing.set(wav, 16);
    const view = backing.subarray(16);
    expect(sniffAudio(view)).toMatchObject({ format: "wav-pcm16", dataOffset: 44, dataLength: 1600 });
  });
});

describe("sniffAudio refuses with a specific error", () => {
  const cases: [string, () => Uint8Array, string, string][] = [
    ["empty input", () => new Uint8Array(0), "VALIDATION", "audio.empty"],
    ["NUL bytes", () => new Uint8Array(4096), "UNSUPPORTED_MEDIA", "audio.unsupported"],
    [
      "text",
      () => new TextEncoder().encode("name,phone\nMatti,0401234567\n"),
      "UNSUPPORTED_MEDIA",
      "audio.unsupported",
    ],
    ["a few bytes", () => new Uint8Array([0x52, 0x49]), "VALIDATION", "audio.truncated"],
    ["WAV float (format 3)", () => makeWav({ tag: 3, bits: 32 }), "UNSUPPORTED_MEDIA", "audio.wav_format"],
    [
      "WAV with zero channels",
      () => makeWav({ channels: 0, blockAlign: 0 }),
      "VALIDATION",
      "audio.no_channels",
    ],
    ["WAV with 3 channels", () => makeWav({ channels: 3 }), "UNSUPPORTED_MEDIA", "audio.channels"],
    ["WAV at 96 kHz", () => makeWav({ sampleRate: 96000 }), "UNSUPPORTED_MEDIA", "audio.sample_rate"],
    ["WAV at 4 kHz", () => makeWav({ sampleRate: 4000 }), "UNSUPPORTED_MEDIA", "audio.sample_rate"],
    [
      "WAV data size 2^32-1",
      () => makeWav({ declaredDataSize: 0xffffffff }),
      "VALIDATION",
      "audio.truncated",
    ],
    [
      "WAV RIFF size 2^32-1",
      () => makeWav({ declaredRiffSize: 0xffffffff }),
      "VALIDATION",
      "audio.truncated",
    ],
    ["WAV without samples", () => makeWav({ data: new Uint8Array(0) }), "VALIDATION", "audio.empty"],
    ["WAV with half a frame", () => makeWav({ data: new Uint8Array(3) }), "VALIDATION", "audio.truncated"],
    ["WAV with wrong block align", () => makeWav({ blockAlign: 4 }), "VALIDATION", "audio.corrupt"],
    [
      "WAV cut in half",
      () => readFixture(FIXTURES.mulawMono8k).subarray(0, 12000),
      "VALIDATION",
      "audio.truncated",
    ],
    [
      "MP3 cut inside a frame",
      () => readFixture(FIXTURES.mp3).subarray(0, 6001),
      "VALIDATION",
      "audio.truncated",
    ],
    [
      "Ogg Opus cut inside a page",
      () => readFixture(FIXTURES.oggOpus).subarray(0, 5000),
      "VALIDATION",
      "audio.truncated",
    ],
  ];
  it.each(cases)("%s", (_name, input, code, reason) => {
    const error = refusal(() => sniffAudio(input()));
    expect(error).toMatchObject({ code, reason, field: "audio" });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("refuses a byte flipped inside an Ogg page by its checksum", () => {
    const bytes = readFixture(FIXTURES.oggOpus).slice();
    bytes[4000] = bytes[4000]! ^ 0x01;
    expect(refusal(() => sniffAudio(bytes)).message).toMatch(/checksum mismatch/);
  });

  it("refuses MP3 whose frames lose sync in the middle", () => {
    const bytes = readFixture(FIXTURES.mp3).slice();
    bytes.fill(0, 5000, 5200);
    expect(refusal(() => sniffAudio(bytes)).message).toMatch(/lost frame sync/);
  });

  it("refuses an Ogg stream that is not Opus, even with a valid checksum", () => {
    const bytes = readFixture(FIXTURES.oggOpus).slice();
    const firstPageEnd = 28 + bytes[27]!;
    bytes.set(new TextEncoder().encode("\x01vorbis!"), 28);
    new DataView(bytes.buffer).setUint32(22, oggPageCrc(bytes.subarray(0, firstPageEnd)), true);
    expect(refusal(() => sniffAudio(bytes))).toMatchObject({ code: "UNSUPPORTED_MEDIA" });
  });

  it("refuses input over the byte limit before parsing", () => {
    expect(refusal(() => sniffAudio(makeWav(), { maxBytes: 100 }))).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      reason: "audio.too_large",
    });
  });

  it("refuses audio longer than the duration limit, and accepts it when the limit allows", () => {
    const wav = readFixture(FIXTURES.pcm16Mono16k);
    expect(refusal(() => sniffAudio(wav, { maxDurationMs: 1999 }))).toMatchObject({
      reason: "audio.too_long",
    });
    expect(sniffAudio(wav, { maxDurationMs: 2000 }).format).toBe("wav-pcm16");
  });
});
