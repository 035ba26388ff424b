import { z } from "zod";

/** R3: what may be recorded about the audio itself, computed by the system at ingest. */
export const recordingTechnicalMetadataSchema = z.strictObject({
  durationMs: z.number().int().nonnegative(),
  /** The stored audio format, e.g. "audio/ogg; codecs=opus" or "audio/wav". */
  format: z.string().min(1).max(100),
  sizeBytes: z.number().int().positive(),
  /** SHA-256 of the audio as received, lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which call recording system (machine token or import) delivered it. */
  sourceSystemId: z.string().min(1).max(200),
  ingestedAt: z.date(),
});
export type RecordingTechnicalMetadata = z.infer<typeof recordingTechnicalMetadataSchema>;

/** Everything the register holds about a recording: R3 staff data + technical metadata. */
export const TECHNICAL_METADATA_FIELDS = [
  "durationMs",
  "format",
  "sizeBytes",
  "sha256",
  "sourceSystemId",
  "ingestedAt",
] as const;
