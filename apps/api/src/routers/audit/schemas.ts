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
