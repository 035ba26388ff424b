import { ArrayBufferTarget, Muxer } from "webm-muxer";
import type { Pcm } from "./audio-types.js";
import { OpusSpeechEncoder } from "./opus-encoder.js";

export const STORED_CONTENT_TYPE = "audio/webm; codecs=opus";

export interface OpusEncodeOptions {
  /** Target bitrate in bit/s. Default 16 kbit/s mono, 24 kbit/s stereo (speech). */
  bitrate?: number;
  /** libopus complexity 0–10. Default 5: about twice as fast as 10 and ~1 % larger for speech. */
  complexity?: number;
}

// 20 ms packets: 60 ms frames overflow the small emscripten stack of opusscript's libopus build.
const FRAME_SAMPLES = 960;
// libopus' encoder look-ahead at 48 kHz; players drop this many samples at the start (OpusHead pre-skip).
const PRE_SKIP = 312;

function opusHead(channels: number): Uint8Array {
  const head = new Uint8Array(19);
  head.set(new TextEncoder().encode("OpusHead"), 0);
  const view = new DataView(head.buffer);
  view.setUint8(8, 1);
  view.setUint8(9, channels);
  view.setUint16(10, PRE_SKIP, true);
  view.setUint32(12, 48000, true);
  return head;
}

/** Interleaves one frame as 16-bit PCM, zero-padding past the end of the input. */
function frameToInt16(pcm: Pcm, start: number, out: Int16Array): void {
  const channelCount = pcm.channels.length;
  const total = pcm.channels[0]!.length;
  for (let i = 0; i < FRAME_SAMPLES; i++) {
    for (let c = 0; c < channelCount; c++) {
      const s = start + i < total ? pcm.channels[c]![start + i]! : 0;
      out[i * channelCount + c] = Math.max(-32768, Math.min(32767, Math.round(s * 32768)));
    }
  }
}

/**
 * Encodes 48 kHz mono/stereo PCM as Opus (libopus via WASM, VOIP mode) in a WebM container with
 * Duration in Segment Info and a Cues element, so browsers can seek it.
 */
export function transcodeToWebmOpus(pcm: Pcm, options: OpusEncodeOptions = {}): Uint8Array {
  if (pcm.sampleRate !== 48000) throw new Error(`Opus encoding needs 48 kHz PCM, got ${pcm.sampleRate} Hz.`);
  const channelCount = pcm.channels.length;
  if (channelCount !== 1 && channelCount !== 2)
    throw new Error(`Expected 1 or 2 channels, got ${channelCount}.`);
  const encoder = OpusSpeechEncoder.shared(channelCount, FRAME_SAMPLES, {
    bitrate: options.bitrate ?? (channelCount === 1 ? 16000 : 24000),
    complexity: options.complexity ?? 5,
  });
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({
    target,
    audio: { codec: "A_OPUS", numberOfChannels: channelCount, sampleRate: 48000 },
    firstTimestampBehavior: "strict",
  });
  const frame = new Int16Array(FRAME_SAMPLES * channelCount);
  const total = pcm.channels[0]!.length + PRE_SKIP;
  for (let start = 0; start < total; start += FRAME_SAMPLES) {
    frameToInt16(pcm, start, frame);
    const packet = encoder.encode(frame);
    const timestampUs = Math.round((start * 1_000_000) / 48000);
    const meta =
      start === 0
        ? {
            decoderConfig: {
              codec: "opus",
              numberOfChannels: channelCount,
              sampleRate: 48000,
              description: opusHead(channelCount),
            },
          }
        : undefined;
    muxer.addAudioChunkRaw(packet, "key", timestampUs, meta);
  }
  muxer.finalize();
  return new Uint8Array(target.buffer);
}
