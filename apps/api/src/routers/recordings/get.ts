import { getRecording } from "../../services/recordings/get.js";
import { requirePermission } from "../../trpc/procedures.js";
import { RecordingId } from "./schemas.js";

export const getRecordingProcedure = requirePermission("recording.read")
  .input(RecordingId)
  .query(({ ctx, input }) => getRecording({ ctx, input }));
