/** Formats the ingest door accepts, recognised by content (R5). */
export type AudioFormat = "wav-pcm16" | "wav-mulaw" | "wav-alaw" | "mp3" | "ogg-opus";

/** What sniffing learned from the container without decoding the audio. */
export interface SniffedAudio {
  format: AudioFormat;
  channels: 1 | 2;
  sampleRate: number;
  /** Exact for WAV, from frame headers for MP3, from the last granule position for Ogg Opus. */
  estimatedDurationMs: number;
  /** WAV only: where the sample data lies inside the file. */
  dataOffset?: number;
  dataLength?: number;
}

export interface AudioLimits {
  /** Largest accepted original, in bytes. Default 200 MB. */
  maxBytes: number;
  /** Longest accepted recording, in milliseconds. Default 4 h. */
  maxDurationMs: number;
}

export const DEFAULT_AUDIO_LIMITS: AudioLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxDurationMs: 4 * 60 * 60 * 1000,
};

/** Decoded audio: one Float32Array per channel, samples in [-1, 1]. */
export interface Pcm {
  channels: Float32Array[];
  sampleRate: number;
}
