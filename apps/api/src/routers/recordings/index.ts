import { router } from "../../trpc/init.js";
import { countRecordingsProcedure } from "./count.js";
import { findRecordingsProcedure } from "./find.js";
import { getRecordingProcedure } from "./get.js";
import { staffMembersProcedure } from "./staff-members.js";

export const recordingsRouter = router({
  find: findRecordingsProcedure,
  get: getRecordingProcedure,
  count: countRecordingsProcedure,
  staffMembers: staffMembersProcedure,
});
