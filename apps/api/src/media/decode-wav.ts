import type { Pcm, SniffedAudio } from "./audio-types.js";
import { ALAW_TO_FLOAT, MULAW_TO_FLOAT } from "./g711.js";

/** De-interleaves the WAV data chunk located by sniffWav into one Float32Array per channel. */
export function decodeWav(bytes: Uint8Array, sniffed: SniffedAudio): Pcm {
  const channelCount = sniffed.channels;
  const offset = sniffed.dataOffset ?? 0;
  const length = sniffed.dataLength ?? 0;
  const bytesPerSample = sniffed.format === "wav-pcm16" ? 2 : 1;
  const frames = length / (bytesPerSample * channelCount);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  const table = sniffed.format === "wav-mulaw" ? MULAW_TO_FLOAT : ALAW_TO_FLOAT;
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < channelCount; c++) {
      const index = frame * channelCount + c;
      channels[c]![frame] =
        bytesPerSample === 2 ? view.getInt16(index * 2, true) / 32768 : table[view.getUint8(index)]!;
    }
  }
  return { channels, sampleRate: sniffed.sampleRate };
}
