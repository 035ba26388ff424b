import { z } from "zod";

/**
 * Recordings picked and a reason as written: a legal hold and an Art. 17 erasure ask for the same two. The
 * customer-data check (R4) of the reason is the API's alone; its refusal comes back worded beside the field.
 */
export const recordingsWithReasonSchema = z.object({
  recordingIds: z.array(z.string()).min(1),
  reason: z.string().trim().min(1).max(500),
});
export type RecordingsWithReason = z.infer<typeof recordingsWithReasonSchema>;
