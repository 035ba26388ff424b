import { freeText } from "@kuulo/domain/privacy";
import { z } from "zod";
import { eraseRecordings } from "../../services/retention/erase.js";
import { requirePermission } from "../../trpc/procedures.js";

export const EraseRecordingsInput = z.object({
  recordingIds: z
    .array(z.uuid("Not a recording id"))
    .min(1)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, "must not repeat a recording"),
  /** Why (e.g. "GDPR Art. 17 request of 2026-11-02, ticket 123"): checked for customer identifiers (R4). */
  reason: freeText({ max: 500 }),
});

export const eraseRecordingsProcedure = requirePermission("recording.erase")
  .input(EraseRecordingsInput)
  .mutation(({ ctx, input }) => eraseRecordings({ ctx, input }));
