import { LOCALES } from "@kuulo/domain/register";
import { z } from "zod";
import { privacyNotice } from "../../services/register/privacy-notice.js";
import { publicProcedure } from "../../trpc/procedures.js";

export const PrivacyNoticeInput = z
  .object({ locale: z.enum(LOCALES).default("fi") })
  .default({ locale: "fi" });

/** Public by design (R1): anyone inside the allowed networks may read the notice without signing in. */
export const privacyNoticeProcedure = publicProcedure
  .input(PrivacyNoticeInput)
  .query(({ ctx, input }) => privacyNotice({ ctx, input }));
