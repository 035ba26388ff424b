import { z } from "zod";
import { normalisePhoneNumber } from "./phone-number.js";

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses ISO 8601 with an explicit offset; refuses local times and impossible dates (2025-02-30). */
export const parseIsoDateTimeWithOffset = (value: string): Date | null => {
  const parts = ISO_WITH_OFFSET.exec(value);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day) return null;
  if (hour! > 23 || minute! > 59 || (second ?? 0) > 59) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

const personName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}][\p{L}\p{M} '’.-]*$/u, "must be a name (letters, spaces, hyphens, apostrophes)");

/** R3 ingest metadata: flat, strict, staff data only. Unknown keys are refused (see parseRecordingMetadata). */
export const recordingMetadataSchema = z.strictObject({
  sourceRecordingId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._:-]+$/, "may contain only letters A–Z, digits and . _ : -"),
  firstName: personName,
  lastName: personName,
  username: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N}._@-]+$/u, "may contain only letters, digits and . _ @ -"),
  phoneNumber: z.string().transform((value, ctx) => {
    const normalised = normalisePhoneNumber(value);
    if (normalised === null) {
      ctx.addIssue({
        code: "custom",
        message: "must be a phone number (+358 40 123 4567, 040 123 4567) or an extension",
      });
      return z.NEVER;
    }
    return normalised;
  }),
  callStartedAt: z.string().transform((value, ctx) => {
    const date = parseIsoDateTimeWithOffset(value);
    if (date === null) {
      ctx.addIssue({
        code: "custom",
        message: "must be ISO 8601 with a UTC offset, e.g. 2025-03-12T10:30:00+02:00",
      });
      return z.NEVER;
    }
    return date;
  }),
  unitCode: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "may contain only letters A–Z, digits and . _ -")
    .optional(),
});
export type RecordingMetadataInput = z.input<typeof recordingMetadataSchema>;
export type RecordingMetadata = z.output<typeof recordingMetadataSchema>;
