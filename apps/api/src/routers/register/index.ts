import { router } from "../../trpc/init.js";
import { recordOfProcessingProcedure } from "../retention/record-of-processing.js";
import { privacyNoticeProcedure } from "./privacy-notice.js";

export const registerRouter = router({
  privacyNotice: privacyNoticeProcedure,
  recordOfProcessing: recordOfProcessingProcedure,
});
