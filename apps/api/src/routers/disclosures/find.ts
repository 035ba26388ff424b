import { DISCLOSURE_KINDS, DISCLOSURE_STATUSES } from "@kuulo/domain/disclosure";
import { z } from "zod";
import { findDisclosures } from "../../services/disclosures/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindDisclosuresInput = z.object({
  kind: z.enum(DISCLOSURE_KINDS).optional(),
  status: z.enum(DISCLOSURE_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  before: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
});

export const findDisclosuresProcedure = requirePermission("disclosure.read")
  .input(FindDisclosuresInput)
  .query(({ ctx, input }) => findDisclosures({ ctx, input }));
