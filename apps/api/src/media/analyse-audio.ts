import { createHash } from "node:crypto";
import { audioTooLong } from "./audio-errors.js";
import type { AudioFormat, AudioLimits } from "./audio-types.js";
import { DEFAULT_AUDIO_LIMITS } from "./audio-types.js";
import { type ByteSource, fileSource, memorySource, READ_BLOCK_BYTES } from "./byte-source.js";
import { createPeaksAccumulator, type Peaks } from "./compute-peaks.js";
import { decodeStream } from "./decode-stream.js";
import { sniffAudioSource } from "./sniff-audio.js";
import { createStoredAudioEncoder, STORED_CONTENT_TYPE } from "./transcode-to-webm-opus.js";

export interface AnalyseAudioOptions {
  limits?: Partial<AudioLimits>;
  /** Opus bitrate in bit/s; default from defaultBitrate() (18 kbit/s for 8 kHz stereo). */
  bitrate?: number;
  /** Waveform resolution; default 1000 buckets. */
  peakBuckets?: number;
}

/** The upload: bytes in memory, or a file read in blocks (ingest), so a long call is never loaded whole. */
export type AudioInput = Uint8Array | { path: string };

export interface ProcessedAudio {
  format: AudioFormat;
  channels: 1 | 2;
  /** Sample rate of the original. */
  sampleRate: number;
  durationMs: number;
  /** Hex SHA-256 of the bytes as received. */
  originalSha256: string;
  peaks: Peaks;
  stored: { bytes: Uint8Array; contentType: typeof STORED_CONTENT_TYPE; sha256: string };
}

function sha256Of(source: ByteSource): string {
  const hash = createHash("sha256");
  for (let at = 0; at < source.length; at += READ_BLOCK_BYTES) hash.update(source.read(at, READ_BLOCK_BYTES));
  return hash.digest("hex");
}

/**
 * The whole ingest pipeline on the current thread (run it in a worker): sniff every frame or page, then
 * one streaming pass decode → peaks → Opus → WebM. Memory stays constant in the call's length except for
 * the stored output itself (~0.11 MB per call-minute). `onProgress` gets the fraction of the input read.
 */
export async function analyseAudio(
  input: AudioInput,
  options: AnalyseAudioOptions = {},
  onProgress?: (fraction: number) => void,
): Promise<ProcessedAudio> {
  const limits = { ...DEFAULT_AUDIO_LIMITS, ...options.limits };
  const source = input instanceof Uint8Array ? memorySource(input) : fileSource(input.path);
  try {
    const sniffed = sniffAudioSource(source, limits);
    const originalSha256 = sha256Of(source);
    const maxFrames = Math.ceil((limits.maxDurationMs * sniffed.sampleRate) / 1000);
    const peaks = createPeaksAccumulator({
      buckets: options.peakBuckets ?? 1000,
      expectedFrames: Math.round((sniffed.estimatedDurationMs * sniffed.sampleRate) / 1000),
    });
    const encoder = await createStoredAudioEncoder(
      sniffed.sampleRate,
      sniffed.channels,
      options.bitrate ? { bitrate: options.bitrate } : {},
    );
    let frames = 0;
    try {
      const blocks = decodeStream(source, sniffed, {
        onRead: (read) => onProgress?.(Math.min(1, read / source.length)),
      });
      for await (const block of blocks) {
        frames += block[0]!.length;
        // Headers can understate the length; the decoded samples decide, and stop the work early.
        if (frames > maxFrames) {
          throw audioTooLong((frames * 1000) / sniffed.sampleRate, limits.maxDurationMs);
        }
        peaks.push(block);
        await encoder.push(block);
      }
    } catch (error) {
      encoder.abort();
      throw error;
    }
    const stored = await encoder.finish();
    return {
      format: sniffed.format,
      channels: sniffed.channels,
      sampleRate: sniffed.sampleRate,
      durationMs: Math.round((frames * 1000) / sniffed.sampleRate),
      originalSha256,
      peaks: peaks.finish(),
      stored: {
        bytes: stored,
        contentType: STORED_CONTENT_TYPE,
        sha256: createHash("sha256").update(stored).digest("hex"),
      },
    };
  } finally {
    source.close();
  }
}
