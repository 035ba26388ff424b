import { audioTooLarge, audioTooLong, invalidAudio, unsupportedAudio } from "./audio-errors.js";
import { type AudioLimits, DEFAULT_AUDIO_LIMITS, type SniffedAudio } from "./audio-types.js";
import { type ByteSource, memorySource } from "./byte-source.js";
import { looksLikeMp3, sniffMp3 } from "./sniff-mp3.js";
import { looksLikeOgg, sniffOggOpus } from "./sniff-ogg-opus.js";
import { looksLikeWav, sniffWav } from "./sniff-wav.js";

/**
 * Recognises audio by its content alone (magic bytes and container structure), never by file name or
 * declared type, and checks size and duration limits before any decoding.
 * Throws DomainError: PAYLOAD_TOO_LARGE, VALIDATION (empty/truncated/corrupt/too long) or UNSUPPORTED_MEDIA.
 */
export function sniffAudio(bytes: Uint8Array, limits: Partial<AudioLimits> = {}): SniffedAudio {
  return sniffAudioSource(memorySource(bytes), limits);
}

/** sniffAudio over a file or memory source: every frame or page is still walked, without loading the file. */
export function sniffAudioSource(source: ByteSource, limits: Partial<AudioLimits> = {}): SniffedAudio {
  const { maxBytes, maxDurationMs } = { ...DEFAULT_AUDIO_LIMITS, ...limits };
  if (source.length === 0) throw invalidAudio("Audio is empty (0 bytes).", "audio.empty");
  if (source.length > maxBytes) throw audioTooLarge(source.length, maxBytes);
  // Enough for the magic bytes and, for MP3, the first two frame headers (a frame is under 2 KiB).
  const prefix = source.read(0, 4096).slice();
  let sniffed: SniffedAudio;
  if (looksLikeWav(prefix)) sniffed = sniffWav(source);
  else if (looksLikeOgg(prefix)) sniffed = sniffOggOpus(source);
  else if (looksLikeMp3(prefix)) sniffed = sniffMp3(source);
  else if (source.length < 12)
    throw invalidAudio(`Audio is only ${source.length} bytes: too short to recognise.`, "audio.truncated");
  else {
    throw unsupportedAudio(
      "Audio format not recognised from its content; accepted: WAV (PCM 16-bit, µ-law, A-law), MP3, Ogg Opus.",
    );
  }
  if (sniffed.estimatedDurationMs > maxDurationMs)
    throw audioTooLong(sniffed.estimatedDurationMs, maxDurationMs);
  return sniffed;
}
