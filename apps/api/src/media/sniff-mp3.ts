import { invalidAudio, unsupportedAudio } from "./audio-errors.js";
import type { SniffedAudio } from "./audio-types.js";
import type { ByteSource } from "./byte-source.js";

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

export interface MpegFrameHeader {
  version: number;
  sampleRate: number;
  channels: 1 | 2;
  frameLength: number;
  samplesPerFrame: number;
}

/** Parses a Layer III frame header at `at`, or returns undefined when the 4 bytes are not one. */
export function readMpegFrameHeader(bytes: Uint8Array, at: number): MpegFrameHeader | undefined {
  if (at + 4 > bytes.length) return undefined;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const b3 = bytes[at + 3]!;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 3;
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return undefined;
  const bitrateIndex = b2 >> 4;
  const sampleRate = SAMPLE_RATES[version]?.[(b2 >> 2) & 3];
  if (bitrateIndex === 0 || bitrateIndex === 15 || sampleRate === undefined || (b3 & 3) === 2)
    return undefined;
  const kbps = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex]!;
  const padding = (b2 >> 1) & 1;
  const frameLength = Math.floor(((version === 3 ? 144000 : 72000) * kbps) / sampleRate) + padding;
  return {
    version,
    sampleRate,
    channels: b3 >> 6 === 3 ? 1 : 2,
    frameLength,
    samplesPerFrame: version === 3 ? 1152 : 576,
  };
}

/** Length of the ID3v2 tags at the start (there may be several), 0 when none. */
export function id3v2Length(source: ByteSource): number {
  let at = 0;
  for (;;) {
    const tag = source.read(at, 10);
    if (tag.length < 10 || tag[0] !== 0x49 || tag[1] !== 0x44 || tag[2] !== 0x33) return at;
    const sizeBytes = tag.subarray(6, 10);
    if (tag[3] === 0xff || sizeBytes.some((b) => b >= 0x80)) {
      throw invalidAudio("ID3v2 tag has an invalid size field.");
    }
    const size = (sizeBytes[0]! << 21) | (sizeBytes[1]! << 14) | (sizeBytes[2]! << 7) | sizeBytes[3]!;
    const footer = (tag[5]! & 0x10) !== 0 ? 10 : 0;
    at += 10 + size + footer;
  }
}

export const looksLikeMp3 = (bytes: Uint8Array) => {
  if (bytes.length >= 3 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) return true;
  const first = readMpegFrameHeader(bytes, 0);
  return first !== undefined && readMpegFrameHeader(bytes, first.frameLength) !== undefined;
};

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const isTrailingTag = (source: ByteSource, at: number) => {
  const tail = source.read(at, 11);
  return (
    (ascii(tail, 0, 3) === "TAG" && source.length - at === 128) ||
    ascii(tail, 0, 8) === "APETAGEX" ||
    ascii(tail, 0, 11) === "LYRICSBEGIN"
  );
};

/** Walks every frame so truncation and lost sync are caught before decoding, and sums the duration. */
export function sniffMp3(source: ByteSource): SniffedAudio {
  const start = id3v2Length(source);
  if (start >= source.length)
    throw invalidAudio("MP3 ends inside or right after its ID3 tag.", "audio.truncated");
  const first = readMpegFrameHeader(source.read(start, 4), 0);
  if (!first) throw unsupportedAudio("Data after the ID3 tag is not MPEG Layer III audio.");
  let at = start;
  let frames = 0;
  let samples = 0;
  while (at < source.length) {
    const header = readMpegFrameHeader(source.read(at, 4), 0);
    if (!header || header.version !== first.version || header.sampleRate !== first.sampleRate) {
      if (isTrailingTag(source, at)) break;
      if (source.length - at < 4 && frames > 0) {
        throw invalidAudio("MP3 is truncated inside a frame header.", "audio.truncated");
      }
      throw invalidAudio(`MP3 is corrupt: lost frame sync at byte ${at}.`);
    }
    if (at + header.frameLength > source.length) {
      throw invalidAudio(`MP3 is truncated: the frame at byte ${at} is incomplete.`, "audio.truncated");
    }
    frames += 1;
    samples += header.samplesPerFrame;
    at += header.frameLength;
  }
  if (frames < 2) throw invalidAudio("MP3 holds fewer than two audio frames.", "audio.empty");
  return {
    format: "mp3",
    channels: first.channels,
    sampleRate: first.sampleRate,
    estimatedDurationMs: (samples * 1000) / first.sampleRate,
  };
}
