import { findMyInbox } from "../../services/inbox/find-mine.js";
import { requirePermission } from "../../trpc/procedures.js";

/** Everyone signed in has an inbox; what is in it follows from their permissions (domain inboxKindsFor). */
export const inboxMineProcedure = requirePermission("self.read").query(({ ctx }) => findMyInbox({ ctx }));
