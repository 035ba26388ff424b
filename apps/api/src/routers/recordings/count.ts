import { countRecordings } from "../../services/recordings/count.js";
import { requirePermission } from "../../trpc/procedures.js";
import { RecordingFilterInput } from "./schemas.js";

export const countRecordingsProcedure = requirePermission("recording.read")
  .input(RecordingFilterInput.default({}))
  .query(({ ctx, input }) => countRecordings({ ctx, input }));
