import { countMyInbox } from "../../services/inbox/find-mine.js";
import { requirePermission } from "../../trpc/procedures.js";

export const inboxCountProcedure = requirePermission("self.read").query(({ ctx }) => countMyInbox({ ctx }));
