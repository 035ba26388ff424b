import type { DbOrTx } from "@kuulo/db/client";
import { disclosures, users } from "@kuulo/db/schema";
import { and, eq, inArray, ne } from "drizzle-orm";
import { deleteUserSessions } from "../../auth/sessions.js";

/**
 * Ends an external trainer's sessions at once and, when no other live disclosure is theirs, deactivates
 * the account (a later disclosure re-enables it). Returns how many sessions were ended.
 */
export async function endExternalAccess(
  tx: DbOrTx,
  input: { userId: string; exceptDisclosureId: string; now: Date },
): Promise<{ sessionsEnded: number; deactivated: boolean }> {
  const sessionsEnded = await deleteUserSessions(tx, input.userId);
  const others = await tx
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.externalUserId, input.userId),
        ne(disclosures.id, input.exceptDisclosureId),
        inArray(disclosures.status, ["active", "pending_approval"]),
      ),
    );
  const live = others.length > 0;
  if (!live) {
    await tx
      .update(users)
      .set({ status: "deactivated", deactivatedAt: input.now, updatedAt: input.now })
      .where(and(eq(users.id, input.userId), eq(users.status, "active")));
  }
  return { sessionsEnded, deactivated: !live };
}
