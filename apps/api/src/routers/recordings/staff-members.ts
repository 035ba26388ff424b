import { z } from "zod";
import { findStaffMembers } from "../../services/recordings/find-staff-members.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindStaffMembersInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .default({ limit: 200 });

export const staffMembersProcedure = requirePermission("recording.read")
  .input(FindStaffMembersInput)
  .query(({ ctx, input }) => findStaffMembers({ ctx, input }));
