import { router } from "../../trpc/init.js";
import { inboxCountProcedure } from "./count.js";
import { inboxMarkSeenProcedure } from "./mark-seen.js";
import { inboxMineProcedure } from "./mine.js";

export const inboxRouter = router({
  mine: inboxMineProcedure,
  count: inboxCountProcedure,
  markSeen: inboxMarkSeenProcedure,
});
