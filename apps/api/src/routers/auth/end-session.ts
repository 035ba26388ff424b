import { z } from "zod";
import { endSession } from "../../services/auth/end-session.js";
import { requirePermission } from "../../trpc/procedures.js";

export const EndSessionInput = z.object({
  sessionId: z.string().regex(/^[0-9a-f]{64}$/, "Not a session id"),
});

export const endSessionProcedure = requirePermission("self.update")
  .input(EndSessionInput)
  .mutation(({ ctx, input }) => endSession({ ctx, input }));
