import { z } from "zod";
import { AUDIT_OUTCOMES } from "../../services/audit/audit-filter.js";

export const AuditFilterInput = z.object({
  actorId: z.string().max(100).optional(),
  action: z
    .string()
    .regex(/^[a-z0-9_.]+$/, "An action like auth.sign_in, or a prefix like auth.")
    .max(100)
    .optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: z.iso.datetime({ offset: true, message: "ISO date-time" }).optional(),
  to: z.iso.datetime({ offset: true, message: "ISO date-time" }).optional(),
});

const isTimeZone = (value: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/** The export is written in the reader's language and time zone, as the page shows the events. */
export const AuditExportInput = AuditFilterInput.extend({
  locale: z.enum(["fi", "en"]).default("en"),
  timeZone: z.string().max(64).refine(isTimeZone).optional(),
});
