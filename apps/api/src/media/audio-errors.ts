import { DomainError } from "@kuulo/domain/errors";

const FIELD = "audio";

/** Not one of the accepted formats (WAV PCM16/µ-law/A-law, MP3, Ogg Opus). */
export const unsupportedAudio = (message: string, reason = "audio.unsupported") =>
  new DomainError("UNSUPPORTED_MEDIA", message, { field: FIELD, rule: "R5", reason });

/** A recognised format whose structure is broken: truncated, corrupt or empty. */
export const invalidAudio = (message: string, reason = "audio.corrupt") =>
  new DomainError("VALIDATION", message, { field: FIELD, reason });

export const audioTooLarge = (size: number, maxBytes: number) =>
  new DomainError("PAYLOAD_TOO_LARGE", `Audio is ${size} bytes; the limit is ${maxBytes} bytes.`, {
    field: FIELD,
    reason: "audio.too_large",
  });

export const audioTooLong = (durationMs: number, maxDurationMs: number) =>
  new DomainError(
    "VALIDATION",
    `Audio lasts ${Math.round(durationMs / 1000)} s; the limit is ${Math.round(maxDurationMs / 1000)} s.`,
    { field: FIELD, reason: "audio.too_long" },
  );
