import { inboxLastSeen } from "@kuulo/db/schema";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * The person has looked: news before now is no longer news. Not audited: it changes nothing but the
 * person's own reading position, like the language choice of the account.
 */
export async function markMyInboxSeen({ ctx }: { ctx: AuthedContext }): Promise<{ seenAt: string }> {
  const seenAt = ctx.clock.now();
  await ctx.db
    .insert(inboxLastSeen)
    .values({ userId: ctx.auth.user.id, seenAt })
    .onConflictDoUpdate({ target: inboxLastSeen.userId, set: { seenAt } });
  return { seenAt: seenAt.toISOString() };
}
