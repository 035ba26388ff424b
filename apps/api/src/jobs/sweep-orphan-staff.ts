import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { recordings, staffMembers, users } from "@kuulo/db/schema";
import { and, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { PurgeActor } from "./purge-recording.js";

/**
 * Removes staff members left with no recording and no account (R13: staff data is register data). Each
 * purge already removes its recording's staff member when it was the last one, but two purges of one
 * person's last recordings at once each still see the other's row; this sweep, run after each purge
 * run, catches that. Rows an ingest has locked (it is adding a recording) are skipped.
 */
export async function sweepOrphanStaff(
  db: Database,
  input: { now: Date; actor: PurgeActor },
): Promise<number> {
  return db.transaction(async (tx) => {
    const orphans = tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(
        and(
          isNull(staffMembers.userId),
          notExists(
            tx
              .select({ id: recordings.id })
              .from(recordings)
              .where(sql`${recordings.staffMemberId} = ${staffMembers.id}`),
          ),
          notExists(
            tx.select({ id: users.id }).from(users).where(sql`${users.staffMemberId} = ${staffMembers.id}`),
          ),
        ),
      )
      .for("update", { skipLocked: true });
    const removed = await tx
      .delete(staffMembers)
      .where(inArray(staffMembers.id, orphans))
      .returning({ id: staffMembers.id });
    if (removed.length > 0) {
      await appendAuditEvent(tx, {
        ...input.actor,
        occurredAt: input.now,
        action: "staff.purge",
        targetType: "staff_member",
        targetId: null,
        outcome: "success",
        details: { reason: "no_recordings", staffMemberIds: removed.map((row) => row.id) },
      });
    }
    return removed.length;
  });
}
