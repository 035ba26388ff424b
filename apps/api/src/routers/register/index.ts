import { router } from "../../trpc/init.js";
import { privacyNoticeProcedure } from "./privacy-notice.js";

export const registerRouter = router({
  privacyNotice: privacyNoticeProcedure,
});
