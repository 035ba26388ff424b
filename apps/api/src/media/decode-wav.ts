import type { AudioFormat } from "./audio-types.js";
import { ALAW_TO_FLOAT, MULAW_TO_FLOAT } from "./g711.js";

/** De-interleaves whole sample frames of a WAV data chunk (PCM16 or G.711) into one Float32Array per channel. */
export function decodeWavBlock(
  block: Uint8Array,
  format: Extract<AudioFormat, `wav-${string}`>,
  channelCount: 1 | 2,
): Float32Array[] {
  const bytesPerSample = format === "wav-pcm16" ? 2 : 1;
  const frames = Math.floor(block.length / (bytesPerSample * channelCount));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const table = format === "wav-mulaw" ? MULAW_TO_FLOAT : ALAW_TO_FLOAT;
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < channelCount; c++) {
      const index = frame * channelCount + c;
      channels[c]![frame] =
        bytesPerSample === 2 ? view.getInt16(index * 2, true) / 32768 : table[view.getUint8(index)]!;
    }
  }
  return channels;
}
