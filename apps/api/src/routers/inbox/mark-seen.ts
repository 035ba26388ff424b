import { markMyInboxSeen } from "../../services/inbox/mark-seen.js";
import { requirePermission } from "../../trpc/procedures.js";

export const inboxMarkSeenProcedure = requirePermission("self.update").mutation(({ ctx }) =>
  markMyInboxSeen({ ctx }),
);
