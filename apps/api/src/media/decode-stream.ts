import { isDomainError } from "@kuulo/domain/errors";
import { MPEGDecoder } from "mpg123-decoder";
import { OggOpusDecoder } from "ogg-opus-decoder";
import { invalidAudio } from "./audio-errors.js";
import type { SniffedAudio } from "./audio-types.js";
import { type ByteSource, READ_BLOCK_BYTES } from "./byte-source.js";
import { decodeWavBlock } from "./decode-wav.js";

/** One decoded block: one Float32Array per channel at the source's rate, samples in [-1, 1]. */
export type PcmBlock = Float32Array[];

export interface DecodeStreamOptions {
  /** Called after each block with the bytes of the source consumed so far. */
  onRead?: (bytesRead: number) => void;
}

interface DecoderOutput {
  channelData: Float32Array[];
  samplesDecoded: number;
  errors: { message: string }[];
}

function checked(kind: string, out: DecoderOutput, channels: 1 | 2): PcmBlock {
  if (out.errors.length > 0) {
    throw invalidAudio(`${kind} could not be decoded: ${out.errors[0]?.message ?? "decoder error"}.`);
  }
  // mpg123 always yields two channels (a mono stream's second one is a copy); keep what was sniffed.
  return out.channelData.slice(0, channels).map((c) => c.subarray(0, out.samplesDecoded));
}

async function* wavBlocks(source: ByteSource, sniffed: SniffedAudio, options: DecodeStreamOptions) {
  const format = sniffed.format as Extract<SniffedAudio["format"], `wav-${string}`>;
  const start = sniffed.dataOffset ?? 0;
  const end = start + (sniffed.dataLength ?? 0);
  const frameBytes = (format === "wav-pcm16" ? 2 : 1) * sniffed.channels;
  const step = Math.floor(READ_BLOCK_BYTES / frameBytes) * frameBytes;
  for (let at = start; at < end; at += step) {
    const block = source.read(at, Math.min(step, end - at));
    if (block.length < Math.min(step, end - at)) throw invalidAudio("WAV ended early.", "audio.truncated");
    yield decodeWavBlock(block, format, sniffed.channels);
    options.onRead?.(at + block.length);
  }
}

async function* mp3Blocks(source: ByteSource, sniffed: SniffedAudio, options: DecodeStreamOptions) {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    for (let at = 0; at < source.length; at += READ_BLOCK_BYTES) {
      const block = source.read(at, READ_BLOCK_BYTES);
      yield checked("MP3", decoder.decode(block), sniffed.channels);
      options.onRead?.(at + block.length);
    }
  } finally {
    decoder.free();
  }
}

async function* oggOpusBlocks(source: ByteSource, sniffed: SniffedAudio, options: DecodeStreamOptions) {
  const decoder = new OggOpusDecoder({ forceStereo: sniffed.channels === 2 });
  await decoder.ready;
  try {
    for (let at = 0; at < source.length; at += READ_BLOCK_BYTES) {
      // The Ogg parser may keep the bytes of an unfinished page: give it its own copy.
      const block = source.read(at, READ_BLOCK_BYTES).slice();
      yield checked("Ogg Opus", await decoder.decode(block), sniffed.channels);
      options.onRead?.(at + block.length);
    }
    yield checked("Ogg Opus", await decoder.flush(), sniffed.channels);
  } finally {
    decoder.free();
  }
}

const KIND = { mp3: "MP3", "ogg-opus": "Ogg Opus" } as const;

/**
 * Decodes sniffed audio block by block at its own rate: WAV (PCM16, G.711) here, MP3 with mpg123 (WASM),
 * Ogg Opus with libopus (WASM). Memory stays constant however long the recording is. Decoder failures,
 * including plain errors thrown by a WASM decoder on hostile input, become VALIDATION errors; a stream
 * that decodes to nothing is refused as empty.
 */
export async function* decodeStream(
  source: ByteSource,
  sniffed: SniffedAudio,
  options: DecodeStreamOptions = {},
): AsyncGenerator<PcmBlock> {
  const blocks =
    sniffed.format === "mp3"
      ? mp3Blocks(source, sniffed, options)
      : sniffed.format === "ogg-opus"
        ? oggOpusBlocks(source, sniffed, options)
        : wavBlocks(source, sniffed, options);
  let frames = 0;
  try {
    for await (const block of blocks) {
      if (block.length === 0 || block[0]!.length === 0) continue;
      frames += block[0]!.length;
      yield block;
    }
  } catch (error) {
    if (isDomainError(error) || sniffed.format.startsWith("wav")) throw error;
    const kind = KIND[sniffed.format as keyof typeof KIND];
    throw invalidAudio(`${kind} could not be decoded: ${(error as Error)?.message ?? "decoder failure"}.`);
  }
  if (frames === 0) {
    const kind = KIND[sniffed.format as keyof typeof KIND] ?? "WAV";
    throw invalidAudio(`${kind} decoded to no audio samples.`, "audio.empty");
  }
}
