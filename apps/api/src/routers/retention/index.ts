import { router } from "../../trpc/init.js";
import { retentionDueSoonProcedure } from "./due-soon.js";
import { eraseRecordingsProcedure } from "./erase.js";
import { retentionPolicyProcedure } from "./policy.js";
import { updateRetentionPolicyProcedure } from "./update-policy.js";

export const retentionRouter = router({
  policy: retentionPolicyProcedure,
  updatePolicy: updateRetentionPolicyProcedure,
  dueSoon: retentionDueSoonProcedure,
  erase: eraseRecordingsProcedure,
});
