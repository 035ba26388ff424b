import { invalidAudio, unsupportedAudio } from "./audio-errors.js";
import type { AudioFormat, SniffedAudio } from "./audio-types.js";
import type { ByteSource } from "./byte-source.js";

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

export const looksLikeWav = (bytes: Uint8Array) =>
  bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE";

const FORMAT_BY_TAG: Record<number, { format: AudioFormat; bits: number }> = {
  1: { format: "wav-pcm16", bits: 16 },
  6: { format: "wav-alaw", bits: 8 },
  7: { format: "wav-mulaw", bits: 8 },
};
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

interface WavFmt {
  tag: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bits: number;
}

function readFmt(body: Uint8Array, size: number): WavFmt {
  if (size < 16) throw invalidAudio(`WAV fmt chunk is ${size} bytes; at least 16 are required.`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const at = 0;
  let tag = view.getUint16(at, true);
  // Extensible headers carry the real format tag in the first two bytes of the sub-format GUID.
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) throw invalidAudio("WAV extensible fmt chunk is shorter than 40 bytes.");
    tag = view.getUint16(at + 24, true);
  }
  return {
    tag,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    byteRate: view.getUint32(at + 8, true),
    blockAlign: view.getUint16(at + 12, true),
    bits: view.getUint16(at + 14, true),
  };
}

function checkFmt(fmt: WavFmt): { format: AudioFormat; channels: 1 | 2 } {
  const known = FORMAT_BY_TAG[fmt.tag];
  if (!known) {
    throw unsupportedAudio(
      `WAV format tag ${fmt.tag} is not accepted; use PCM 16-bit (1), A-law (6) or µ-law (7).`,
      "audio.wav_format",
    );
  }
  if (fmt.bits !== known.bits) {
    throw unsupportedAudio(`WAV ${known.format} must have ${known.bits} bits per sample, not ${fmt.bits}.`);
  }
  if (fmt.channels === 0) throw invalidAudio("WAV header declares zero channels.", "audio.no_channels");
  if (fmt.channels > 2) {
    throw unsupportedAudio(`WAV has ${fmt.channels} channels; mono or stereo only.`, "audio.channels");
  }
  if (fmt.sampleRate < 8000 || fmt.sampleRate > 48000) {
    throw unsupportedAudio(
      `WAV sample rate ${fmt.sampleRate} Hz is outside 8000–48000 Hz.`,
      "audio.sample_rate",
    );
  }
  const blockAlign = (fmt.channels * fmt.bits) / 8;
  if (fmt.blockAlign !== blockAlign || fmt.byteRate !== blockAlign * fmt.sampleRate) {
    throw invalidAudio("WAV fmt chunk is inconsistent (block align or byte rate do not match).");
  }
  return { format: known.format, channels: fmt.channels as 1 | 2 };
}

/** Walks the RIFF chunks, refusing any chunk that claims more bytes than the file holds. */
export function sniffWav(source: ByteSource): SniffedAudio {
  const sizeField = source.read(4, 4);
  const riffSize = new DataView(sizeField.buffer, sizeField.byteOffset, 4).getUint32(0, true);
  if (riffSize + 8 > source.length) {
    throw invalidAudio(
      `WAV is truncated: the RIFF header declares ${riffSize + 8} bytes but ${source.length} arrived.`,
      "audio.truncated",
    );
  }
  const end = riffSize + 8;
  let fmt: WavFmt | undefined;
  let at = 12;
  while (at + 8 <= end) {
    const header = source.read(at, 8);
    const id = ascii(header, 0, 4);
    const size = new DataView(header.buffer, header.byteOffset, 8).getUint32(4, true);
    const body = at + 8;
    if (body + size > end) {
      throw invalidAudio(
        `WAV is truncated or corrupt: chunk "${id}" declares ${size} bytes beyond the end of the file.`,
        "audio.truncated",
      );
    }
    // Only the first 40 bytes of fmt are read: a larger chunk is legal (extensions) and skipped.
    if (id === "fmt ") fmt = readFmt(source.read(body, Math.min(size, 40)).slice(), size);
    if (id === "data") {
      if (!fmt) throw invalidAudio("WAV data chunk comes before its fmt chunk.");
      const { format, channels } = checkFmt(fmt);
      if (size === 0) throw invalidAudio("WAV contains no audio samples.", "audio.empty");
      if (size % fmt.blockAlign !== 0) {
        throw invalidAudio("WAV data size is not a whole number of sample frames.", "audio.truncated");
      }
      const frames = size / fmt.blockAlign;
      return {
        format,
        channels,
        sampleRate: fmt.sampleRate,
        estimatedDurationMs: (frames * 1000) / fmt.sampleRate,
        dataOffset: body,
        dataLength: size,
      };
    }
    at = body + size + (size % 2);
  }
  throw invalidAudio(
    fmt ? "WAV has no data chunk." : "WAV has no fmt chunk.",
    fmt ? "audio.empty" : "audio.corrupt",
  );
}
