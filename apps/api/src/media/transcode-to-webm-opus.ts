import type { Pcm } from "./audio-types.js";
import { createBandProbe, type SourceBand } from "./band-probe.js";
import { type OpusInputRate, OpusStreamEncoder, opusInputRate } from "./opus-encoder.js";
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
 * analysis runs. Telephone audio (8 kHz, or telephone audio in a wider container: see encodingRate) is
 * encoded at 8 kHz, so Opus spends every bit below 4 kHz: 18 kbit/s stereo there gives ~0.11 MB per
 * call-minute with better quality than the earlier 24 kbit/s at 48 kHz. Wide-band speech keeps a higher
 * rate. The stereo test in opus-encoder.test.ts guards this.
 */
export function defaultBitrate(channels: 1 | 2, inputRate: number): number {
  const wide = inputRate >= 16000;
  if (channels === 1) return wide ? 16000 : 12000;
  return wide ? 24000 : 18000;
}

/**
 * DTX on: a call has pauses (between turns, on hold, while one side reads or types), and without DTX
 * SILK's VBR still spends a few kbit/s coding the line noise of each one. With it, after 200 ms in which
 * neither channel carries speech (libopus' VAD, so a codec's noise floor counts as a pause, not only
 * digital silence) each 60 ms frame is a 1-byte TOC-only packet and the decoder plays comfort noise,
 * refreshed every 400 ms. Speech is coded as before (the VAD's 200 ms hangover keeps word ends and quiet
 * onsets): on the demo calls the quality measure moved by at most 0.04 dB and the stored form shrank by
 * 3–5 %. Every packet keeps its SimpleBlock and timestamp, so duration and seeking do not change, and a
 * zero-length frame is what RFC 6716 (3.2.1) defines as DTX, which every Opus decoder takes. DTX acts on
 * the coded stream as a whole, after libopus' stereo decision, which it leaves alone (defaultBitrate).
 */
const DTX = true;

const TELEPHONE_RATE = 8000;

/**
 * The rate libopus gets: a call recording is telephone audio, and a source sampled above 8 kHz that
 * carries nothing above the telephone band (the demo MP3s at 22.05 kHz and Ogg Opus at 48 kHz are 8 kHz
 * calls re-encoded) is resampled down to 8 kHz, which loses nothing it has. Wide-band speech keeps
 * libopus' next input rate at or above its own.
 */
const encodingRate = (sourceRate: number, band: SourceBand): OpusInputRate =>
  band === "telephone" ? TELEPHONE_RATE : opusInputRate(sourceRate);

export interface StoredAudioEncoder {
  /** Planar samples at the source rate. */
  push(channels: Float32Array[]): Promise<void>;
  finish(): Promise<Uint8Array>;
  /** Frees the encoder without output (after a failure). */
  abort(): void;
}

/** Source PCM → (resampled to `sampleRate` when it differs) → Opus, 60 ms VBR packets → WebM with Cues. */
async function openEncoder(
  sourceRate: number,
  sampleRate: OpusInputRate,
  channels: 1 | 2,
  options: OpusEncodeOptions,
): Promise<StoredAudioEncoder> {
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
    dtx: DTX,
  });
  const writer = WebmOpusWriter.create({ channels, opusHead: encoder.opusHead });
  const packetSamples48k = (FRAME_MS * 48000) / 1000;
  return {
    async push(block) {
      const input = resamplers ? block.map((c, i) => resamplers[i]!.push(c)) : block;
      writer.add(encoder.push(input), packetSamples48k);
    },
    async finish() {
      if (resamplers) writer.add(encoder.push(resamplers.map((r) => r.flush())), packetSamples48k);
      writer.add(encoder.finish(), packetSamples48k);
      return writer.finish();
    },
    abort: () => encoder.close(),
  };
}

/**
 * The stored form, streamed (see openEncoder). A source sampled above 8 kHz is first held back while the
 * band probe listens (at most PROBE_MAX_SECONDS of it, usually the first seconds of speech), so the encoder
 * is opened at the rate its content needs; memory holds that much input, one batch of frames and the muxed
 * output, whatever the call's length.
 */
export async function createStoredAudioEncoder(
  sourceRate: number,
  channels: 1 | 2,
  options: OpusEncodeOptions = {},
): Promise<StoredAudioEncoder> {
  if (sourceRate <= TELEPHONE_RATE) {
    return openEncoder(sourceRate, opusInputRate(sourceRate), channels, options);
  }
  const probe = createBandProbe(sourceRate);
  let held: Float32Array[][] = [];
  let opened: StoredAudioEncoder | null = null;
  const open = async (band: SourceBand) => {
    const encoder = await openEncoder(sourceRate, encodingRate(sourceRate, band), channels, options);
    opened = encoder;
    for (const block of held) await encoder.push(block);
    held = [];
    return encoder;
  };
  return {
    async push(block) {
      if (opened) return opened.push(block);
      // Decoders may reuse their output buffers: keep a copy while the probe listens.
      held.push(block.map((samples) => samples.slice()));
      probe.push(block);
      if (probe.verdict) await open(probe.verdict);
    },
    async finish() {
      return (opened ?? (await open(probe.finish()))).finish();
    },
    abort: () => {
      held = [];
      opened?.abort();
    },
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
