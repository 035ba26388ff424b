import { appendAuditEvent } from "@kuulo/db/audit";
import type { Database } from "@kuulo/db/client";
import { disclosures } from "@kuulo/db/schema";
import { disclosureStateMachine } from "@kuulo/domain/disclosure";
import { and, eq, lte } from "drizzle-orm";
import { endExternalAccess } from "../services/disclosures/end-external-access.js";

/**
 * Marks training disclosures whose window has ended as expired (access already stopped at validUntil:
 * the streaming check reads the window on every request) and ends the trainer's access.
 */
export async function expireTrainingDisclosures(db: Database, now: Date): Promise<number> {
  const due = await db
    .select({ id: disclosures.id })
    .from(disclosures)
    .where(
      and(
        eq(disclosures.kind, "training"),
        eq(disclosures.status, "active"),
        lte(disclosures.validUntil, now),
      ),
    );
  let expired = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(disclosures)
        .where(eq(disclosures.id, id))
        .for("update", { skipLocked: true });
      if (row?.status !== "active") return;
      const status = disclosureStateMachine(
        { kind: row.kind, status: row.status, createdBy: row.preparedBy ?? "" },
        { type: "expire" },
      );
      await tx.update(disclosures).set({ status }).where(eq(disclosures.id, id));
      const ended = row.externalUserId
        ? await endExternalAccess(tx, { userId: row.externalUserId, exceptDisclosureId: id, now })
        : null;
      await appendAuditEvent(tx, {
        actorType: "system",
        actorLabel: "disclosure.expire",
        action: "disclosure.expire",
        targetType: "disclosure",
        targetId: id,
        outcome: "success",
        occurredAt: now,
        details: ended
          ? { sessionsEnded: ended.sessionsEnded, externalUserDeactivated: ended.deactivated }
          : {},
      });
      expired += 1;
    });
  }
  return expired;
}
