import { endUserSessions } from "../../services/users/end-sessions.js";
import { requirePermission } from "../../trpc/procedures.js";
import { UserId } from "./schemas.js";

export const endSessionsProcedure = requirePermission("user.end_sessions")
  .input(UserId)
  .mutation(({ ctx, input }) => endUserSessions({ ctx, input }));
