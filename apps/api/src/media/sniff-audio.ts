import { audioTooLarge, audioTooLong, invalidAudio, unsupportedAudio } from "./audio-errors.js";
import { type AudioLimits, DEFAULT_AUDIO_LIMITS, type SniffedAudio } from "./audio-types.js";
import { looksLikeMp3, sniffMp3 } from "./sniff-mp3.js";
import { looksLikeOgg, sniffOggOpus } from "./sniff-ogg-opus.js";
import { looksLikeWav, sniffWav } from "./sniff-wav.js";

/**
 * Recognises audio by its content alone (magic bytes and container structure), never by file name or
 * declared type, and checks size and duration limits before any decoding.
 * Throws DomainError: PAYLOAD_TOO_LARGE, VALIDATION (empty/truncated/corrupt/too long) or UNSUPPORTED_MEDIA.
 */
export function sniffAudio(bytes: Uint8Array, limits: Partial<AudioLimits> = {}): SniffedAudio {
  const { maxBytes, maxDurationMs } = { ...DEFAULT_AUDIO_LIMITS, ...limits };
  if (bytes.length === 0) throw invalidAudio("Audio is empty (0 bytes).", "audio.empty");
  if (bytes.length > maxBytes) throw audioTooLarge(bytes.length, maxBytes);
  let sniffed: SniffedAudio;
  if (looksLikeWav(bytes)) sniffed = sniffWav(bytes);
  else if (looksLikeOgg(bytes)) sniffed = sniffOggOpus(bytes);
  else if (looksLikeMp3(bytes)) sniffed = sniffMp3(bytes);
  else if (bytes.length < 12)
    throw invalidAudio(`Audio is only ${bytes.length} bytes: too short to recognise.`, "audio.truncated");
  else {
    throw unsupportedAudio(
      "Audio format not recognised from its content; accepted: WAV (PCM 16-bit, µ-law, A-law), MP3, Ogg Opus.",
    );
  }
  if (sniffed.estimatedDurationMs > maxDurationMs)
    throw audioTooLong(sniffed.estimatedDurationMs, maxDurationMs);
  return sniffed;
}
