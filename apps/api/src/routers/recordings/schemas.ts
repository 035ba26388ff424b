import { z } from "zod";

const IsoDateTime = z.iso.datetime({
  offset: true,
  message: "ISO date-time with offset, e.g. 2026-11-02T08:00:00Z",
});
const DurationMs = z.number().int().min(0).max(86_400_000);

/** The search filters shared by find and count: unit, staff member, call time [from, to), duration. */
export const RecordingFilterInput = z.object({
  unitId: z.uuid("Not a unit id").optional(),
  staffMemberId: z.uuid("Not a staff member id").optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  durationMinMs: DurationMs.optional(),
  durationMaxMs: DurationMs.optional(),
});

export const RecordingId = z.object({ recordingId: z.uuid("Not a recording id") });
