import { z } from "zod";
import { findRecordings, RECORDING_ORDERS } from "../../services/recordings/find.js";
import { requirePermission } from "../../trpc/procedures.js";
import { RecordingFilterInput } from "./schemas.js";

export const FindRecordingsInput = RecordingFilterInput.extend({
  order: z.enum(RECORDING_ORDERS).default("desc"),
  cursor: z.string().min(2).max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
}).default({ order: "desc", limit: 50 });

export const findRecordingsProcedure = requirePermission("recording.read")
  .input(FindRecordingsInput)
  .query(({ ctx, input }) => findRecordings({ ctx, input }));
