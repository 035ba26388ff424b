import type { Pcm, SniffedAudio } from "./audio-types.js";
import { memorySource } from "./byte-source.js";
import { decodeStream } from "./decode-stream.js";
import { resample } from "./resample.js";

export interface DecodeOptions {
  /** Output rate: 48 kHz for playback, 16 kHz suits speech analysis. Default 48000. */
  sampleRate?: 48000 | 16000;
  /** "keep" preserves stereo (agent and customer on separate channels); "mono" averages. Default "keep". */
  channels?: "mono" | "keep";
}

export interface DecodedAudio {
  pcm: Pcm;
  /** From the decoded sample count at the source rate, not from headers. */
  durationMs: number;
}

const concat = (parts: Float32Array[]): Float32Array => {
  const joined = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
};

function toMono(channels: Float32Array[]): Float32Array {
  const [left, right] = channels;
  if (!right) return left!;
  const mono = new Float32Array(left!.length);
  for (let i = 0; i < mono.length; i++) mono[i] = (left![i]! + right[i]!) / 2;
  return mono;
}

/**
 * Decodes a whole in-memory recording to Float32 PCM at 48 kHz (or 16 kHz), for analysis and tests.
 * Ingest does not use it: it streams through decodeStream so memory does not grow with the call.
 */
export async function decodeToPcm(
  bytes: Uint8Array,
  sniffed: SniffedAudio,
  options: DecodeOptions = {},
): Promise<DecodedAudio> {
  const rate = options.sampleRate ?? 48000;
  const blocks: Float32Array[][] = Array.from({ length: sniffed.channels }, () => []);
  for await (const block of decodeStream(memorySource(bytes), sniffed)) {
    for (const [c, channel] of block.entries()) blocks[c]!.push(channel.slice());
  }
  const source = blocks.map(concat);
  const frames = source[0]!.length;
  const channels = options.channels === "mono" ? [toMono(source)] : source;
  return {
    pcm: { channels: channels.map((c) => resample(c, sniffed.sampleRate, rate)), sampleRate: rate },
    durationMs: Math.round((frames * 1000) / sniffed.sampleRate),
  };
}
