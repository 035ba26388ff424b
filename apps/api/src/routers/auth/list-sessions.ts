import { listSessions } from "../../services/auth/list-sessions.js";
import { requirePermission } from "../../trpc/procedures.js";

export const listSessionsProcedure = requirePermission("self.read").query(({ ctx }) => listSessions({ ctx }));
