import type { Pcm } from "./audio-types.js";
import { OpusStreamEncoder, opusInputRate } from "./opus-encoder.js";
import { createResampler, type Resampler } from "./resample.js";
import { WebmOpusWriter } from "./webm-opus-writer.js";

export const STORED_CONTENT_TYPE = "audio/webm; codecs=opus";

export interface OpusEncodeOptions {
  /** Target bitrate in bit/s; default from defaultBitrate(). */
  bitrate?: number;
}

/** 60 ms packets: a third of the per-packet overhead (Opus TOC, WebM SimpleBlock header) of 20 ms ones. */
const FRAME_MS = 60;
/**
 * Complexity 10 for telephone rates: the best speech per bit, and it keeps the 18 kbit/s stereo rate above
 * the point where libopus folds the two channels into one (see defaultBitrate). Wider sources keep 5 (as
 * before): at 24 kbit/s they are far from that point, and complexity 10 there costs twice the CPU.
 */
const complexityFor = (inputRate: number) => (inputRate >= 16000 ? 5 : 10);

/**
 * Stereo calls keep the agent and the customer on separate channels, so the encoder must never downmix.
 * libopus codes a stereo stream as mono when bitrate × (90 + complexity) / 100 falls below about
 * 17.6 kbit/s for VOIP input at 8–12 kHz, or up to ~18–19 kbit/s at 16 kHz and above, where its speech
 * analysis runs. Telephone audio (8 kHz) is encoded at its own rate, so Opus spends every bit below 4 kHz:
 * 18 kbit/s stereo there gives ~0.11 MB per call-minute with better quality than the earlier 24 kbit/s at
 * 48 kHz. Wider sources keep a higher rate. The stereo test in transcode-to-webm-opus.test.ts guards this.
 */
export function defaultBitrate(channels: 1 | 2, inputRate: number): number {
  const wide = inputRate >= 16000;
  if (channels === 1) return wide ? 16000 : 12000;
  return wide ? 24000 : 18000;
}

export interface StoredAudioEncoder {
  /** Planar samples at the source rate. */
  push(channels: Float32Array[]): Promise<void>;
  finish(): Promise<Uint8Array>;
  /** Frees the encoder without output (after a failure). */
  abort(): void;
}

/**
 * The stored form, streamed: source PCM → (resampled up to libopus' next input rate when needed) →
 * Opus, 60 ms VBR packets → WebM with Cues (see webm-opus-writer.ts). Memory holds one batch of frames
 * and the muxed output.
 */
export async function createStoredAudioEncoder(
  sourceRate: number,
  channels: 1 | 2,
  options: OpusEncodeOptions = {},
): Promise<StoredAudioEncoder> {
  const sampleRate = opusInputRate(sourceRate);
  const resamplers: Resampler[] | undefined =
    sampleRate === sourceRate
      ? undefined
      : Array.from({ length: channels }, () => createResampler(sourceRate, sampleRate));
  const encoder = await OpusStreamEncoder.create({
    sampleRate,
    channels,
    bitrate: options.bitrate ?? defaultBitrate(channels, sampleRate),
    complexity: complexityFor(sampleRate),
    frameMs: FRAME_MS,
  });
  const writer = await WebmOpusWriter.create({ channels, opusHead: encoder.opusHead });
  const packetSamples48k = (FRAME_MS * 48000) / 1000;
  return {
    async push(block) {
      const input = resamplers ? block.map((c, i) => resamplers[i]!.push(c)) : block;
      await writer.add(encoder.push(input), packetSamples48k);
    },
    async finish() {
      if (resamplers) await writer.add(encoder.push(resamplers.map((r) => r.flush())), packetSamples48k);
      await writer.add(encoder.finish(), packetSamples48k);
      return writer.finish();
    },
    abort: () => encoder.close(),
  };
}

/** Encodes whole PCM (tests, small inputs) to the stored WebM/Opus form. */
export async function transcodeToWebmOpus(pcm: Pcm, options: OpusEncodeOptions = {}): Promise<Uint8Array> {
  const channelCount = pcm.channels.length;
  if (channelCount !== 1 && channelCount !== 2)
    throw new Error(`Expected 1 or 2 channels, got ${channelCount}.`);
  const encoder = await createStoredAudioEncoder(pcm.sampleRate, channelCount, options);
  try {
    await encoder.push(pcm.channels);
  } catch (error) {
    encoder.abort();
    throw error;
  }
  return encoder.finish();
}
