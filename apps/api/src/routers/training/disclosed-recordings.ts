import { disclosedRecordings } from "../../services/training/disclosed-recordings.js";
import { requirePermission } from "../../trpc/procedures.js";

export const disclosedRecordingsProcedure = requirePermission("recording.listen").query(({ ctx }) =>
  disclosedRecordings({ ctx }),
);
