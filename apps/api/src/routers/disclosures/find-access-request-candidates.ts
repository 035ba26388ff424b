import { instant } from "@kuulo/domain/disclosure";
import { z } from "zod";
import { findAccessRequestCandidates } from "../../services/disclosures/find-access-request-candidates.js";
import { requirePermission } from "../../trpc/procedures.js";

export const AccessRequestCandidatesInput = z.object({
  from: instant,
  to: instant,
  staffMemberId: z.uuid("Not a staff member id").optional(),
});

export const findAccessRequestCandidatesProcedure = requirePermission("disclosure.create")
  .input(AccessRequestCandidatesInput)
  .query(({ ctx, input }) => findAccessRequestCandidates({ ctx, input }));
