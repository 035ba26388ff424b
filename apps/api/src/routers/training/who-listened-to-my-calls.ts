import { z } from "zod";
import { whoListenedToMyCalls } from "../../services/training/who-listened-to-my-calls.js";
import { requirePermission } from "../../trpc/procedures.js";

export const WhoListenedInput = z.object({
  /** Keyset pagination: the audit sequence number of the last row of the previous page. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

// Staff are data subjects too: seeing who heard one's own calls is part of one's own data (self.read).
export const whoListenedToMyCallsProcedure = requirePermission("self.read")
  .input(WhoListenedInput)
  .query(({ ctx, input }) => whoListenedToMyCalls({ ctx, input }));
