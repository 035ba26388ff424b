import type { DbOrTx } from "@kuulo/db/client";
import { legalHolds } from "@kuulo/db/schema";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { loadRetentionPolicy } from "../retention/load-policy.js";
import { recomputeRetention } from "../retention/recompute-retention.js";
import { audit } from "../shared/audit.js";
import type { ServiceContext } from "../shared/service-context.js";

type AuditCtx = Pick<ServiceContext, "auth" | "request" | "clock">;

/**
 * Places a hold on each recording (R13), one `legal_hold.place` audit row each. A database trigger keeps
 * recordings.legal_hold in step and refuses to delete or crypto-erase a held recording.
 */
export async function placeHolds(
  tx: DbOrTx,
  ctx: AuditCtx,
  input: {
    recordingIds: readonly string[];
    disclosureId: string | null;
    reason: string;
    caseReference?: string | null;
    by: string | null;
  },
): Promise<{ id: string; recordingId: string }[]> {
  if (input.recordingIds.length === 0) return [];
  const now = ctx.clock.now();
  const rows = await tx
    .insert(legalHolds)
    .values(
      input.recordingIds.map((recordingId) => ({
        recordingId,
        disclosureId: input.disclosureId,
        reason: input.reason,
        caseReference: input.caseReference ?? null,
        placedBy: input.by,
        placedAt: now,
      })),
    )
    .returning({ id: legalHolds.id, recordingId: legalHolds.recordingId });
  const { policy } = await loadRetentionPolicy(tx);
  await recomputeRetention(tx, policy, now, input.recordingIds);
  for (const row of rows) {
    await audit(tx, ctx, {
      action: "legal_hold.place",
      outcome: "success",
      targetType: "recording",
      targetId: row.recordingId,
      details: {
        legalHoldId: row.id,
        disclosureId: input.disclosureId,
        reason: input.reason,
        ...(input.caseReference ? { caseReference: input.caseReference } : {}),
      },
    });
  }
  return rows;
}

/**
 * Releases open holds (by id, or all of a disclosure), audited, and restores each recording's normal
 * due date from computeRetention (another open hold keeps it held).
 */
export async function releaseHolds(
  tx: DbOrTx,
  ctx: AuditCtx,
  input: { holdIds?: readonly string[]; disclosureId?: string; by: string | null; reason?: string },
): Promise<{ id: string; recordingId: string }[]> {
  if (!input.disclosureId && (input.holdIds ?? []).length === 0) return [];
  const now = ctx.clock.now();
  const where = input.disclosureId
    ? and(eq(legalHolds.disclosureId, input.disclosureId), isNull(legalHolds.releasedAt))
    : and(inArray(legalHolds.id, [...(input.holdIds ?? [])]), isNull(legalHolds.releasedAt));
  const released = await tx
    .update(legalHolds)
    .set({ releasedAt: now, releasedBy: input.by })
    .where(where)
    .returning({ id: legalHolds.id, recordingId: legalHolds.recordingId });
  const { policy } = await loadRetentionPolicy(tx);
  await recomputeRetention(tx, policy, now, [...new Set(released.map((row) => row.recordingId))]);
  for (const row of released) {
    await audit(tx, ctx, {
      action: "legal_hold.release",
      outcome: "success",
      targetType: "recording",
      targetId: row.recordingId,
      details: {
        legalHoldId: row.id,
        ...(input.disclosureId ? { disclosureId: input.disclosureId } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
  }
  return released;
}
