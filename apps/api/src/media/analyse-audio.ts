import { createHash } from "node:crypto";
import { audioTooLong } from "./audio-errors.js";
import type { AudioFormat, AudioLimits } from "./audio-types.js";
import { DEFAULT_AUDIO_LIMITS } from "./audio-types.js";
import { computePeaks, type Peaks } from "./compute-peaks.js";
import { decodeToPcm } from "./decode-to-pcm.js";
import { sniffAudio } from "./sniff-audio.js";
import { STORED_CONTENT_TYPE, transcodeToWebmOpus } from "./transcode-to-webm-opus.js";

export interface AnalyseAudioOptions {
  limits?: Partial<AudioLimits>;
  /** Opus bitrate in bit/s; default 16 kbit/s mono, 24 kbit/s stereo. */
  bitrate?: number;
  /** Waveform resolution; default 1000 buckets. */
  peakBuckets?: number;
}

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

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The whole ingest pipeline on the current thread: sniff, decode, peaks, Opus/WebM. Run it in a worker. */
export async function analyseAudio(
  bytes: Uint8Array,
  options: AnalyseAudioOptions = {},
): Promise<ProcessedAudio> {
  const limits = { ...DEFAULT_AUDIO_LIMITS, ...options.limits };
  const sniffed = sniffAudio(bytes, limits);
  const decoded = await decodeToPcm(bytes, sniffed, { sampleRate: 48000, channels: "keep" });
  if (decoded.durationMs > limits.maxDurationMs) throw audioTooLong(decoded.durationMs, limits.maxDurationMs);
  const stored = transcodeToWebmOpus(decoded.pcm, options.bitrate ? { bitrate: options.bitrate } : {});
  return {
    format: sniffed.format,
    channels: sniffed.channels,
    sampleRate: sniffed.sampleRate,
    durationMs: decoded.durationMs,
    originalSha256: sha256(bytes),
    peaks: computePeaks(decoded.pcm, { buckets: options.peakBuckets ?? 1000 }),
    stored: { bytes: stored, contentType: STORED_CONTENT_TYPE, sha256: sha256(stored) },
  };
}
