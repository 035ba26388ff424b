import { isDomainError } from "@kuulo/domain/errors";
import { MPEGDecoder } from "mpg123-decoder";
import { OggOpusDecoder } from "ogg-opus-decoder";
import { invalidAudio } from "./audio-errors.js";
import type { Pcm, SniffedAudio } from "./audio-types.js";
import { decodeWav } from "./decode-wav.js";
import { resample } from "./resample.js";

export interface DecodeOptions {
  /** Output rate: 48 kHz feeds the Opus encoder, 16 kHz suits speech analysis. Default 48000. */
  sampleRate?: 48000 | 16000;
  /** "keep" preserves stereo (agent and customer on separate channels); "mono" averages. Default "keep". */
  channels?: "mono" | "keep";
}

export interface DecodedAudio {
  pcm: Pcm;
  /** From the decoded sample count at the source rate, not from headers. */
  durationMs: number;
}

interface DecoderOutput {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

function checkDecoded(kind: string, out: DecoderOutput): Pcm {
  if (out.errors.length > 0) {
    throw invalidAudio(`${kind} could not be decoded: ${out.errors[0]?.message ?? "decoder error"}.`);
  }
  if (out.samplesDecoded === 0 || out.channelData.length === 0) {
    throw invalidAudio(`${kind} decoded to no audio samples.`, "audio.empty");
  }
  return {
    channels: out.channelData.map((c) => c.subarray(0, out.samplesDecoded)),
    sampleRate: out.sampleRate,
  };
}

async function decodeMp3(bytes: Uint8Array, channels: 1 | 2): Promise<Pcm> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    // mpg123 always yields two channels; a mono stream's second one is a copy.
    const pcm = checkDecoded("MP3", decoder.decode(bytes));
    return { channels: pcm.channels.slice(0, channels), sampleRate: pcm.sampleRate };
  } finally {
    decoder.free();
  }
}

async function decodeOggOpus(bytes: Uint8Array, channels: 1 | 2): Promise<Pcm> {
  const decoder = new OggOpusDecoder({ forceStereo: channels === 2 });
  await decoder.ready;
  try {
    const pcm = checkDecoded("Ogg Opus", await decoder.decodeFile(bytes));
    return { channels: pcm.channels.slice(0, channels), sampleRate: pcm.sampleRate };
  } finally {
    decoder.free();
  }
}

/** WASM decoders may throw plain errors on hostile input; the client still deserves a 4xx. */
async function asAudioError<T>(kind: string, decode: () => Promise<T>): Promise<T> {
  try {
    return await decode();
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw invalidAudio(`${kind} could not be decoded: ${(error as Error)?.message ?? "decoder failure"}.`);
  }
}

function toMono(channels: Float32Array[]): Float32Array {
  const [left, right] = channels;
  if (!right) return left!;
  const mono = new Float32Array(left!.length);
  for (let i = 0; i < mono.length; i++) mono[i] = (left![i]! + right[i]!) / 2;
  return mono;
}

/**
 * Decodes sniffed audio to Float32 PCM at 48 kHz (or 16 kHz). WAV (PCM16, G.711) is decoded here,
 * MP3 with mpg123 (WASM), Ogg Opus with libopus (WASM). Decoder failures become VALIDATION errors.
 */
export async function decodeToPcm(
  bytes: Uint8Array,
  sniffed: SniffedAudio,
  options: DecodeOptions = {},
): Promise<DecodedAudio> {
  const rate = options.sampleRate ?? 48000;
  const source =
    sniffed.format === "mp3"
      ? await asAudioError("MP3", () => decodeMp3(bytes, sniffed.channels))
      : sniffed.format === "ogg-opus"
        ? await asAudioError("Ogg Opus", () => decodeOggOpus(bytes, sniffed.channels))
        : decodeWav(bytes, sniffed);
  const frames = source.channels[0]!.length;
  const channels = options.channels === "mono" ? [toMono(source.channels)] : source.channels;
  return {
    pcm: { channels: channels.map((c) => resample(c, source.sampleRate, rate)), sampleRate: rate },
    durationMs: Math.round((frames * 1000) / source.sampleRate),
  };
}
