import { disclosures } from "@kuulo/db/schema";
import { disclosureStateMachine } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { releaseHolds } from "../legal-holds/hold-recordings.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { endExternalAccess } from "./end-external-access.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

/**
 * Revokes a disclosure (R6). A training disclosure stops at the next request: the streaming check reads
 * the status every time, and the trainer's sessions end now. A pending export is withdrawn and its holds released.
 */
export async function revokeDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disclosureId: string; reason: string };
}): Promise<{ disclosure: DisclosureView }> {
  await loadDisclosureInScope(ctx, ctx.db, input.disclosureId, "disclosure.revoke");
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(disclosures)
      .where(eq(disclosures.id, input.disclosureId))
      .for("update");
    if (!current) throw new DomainError("NOT_FOUND", "No such disclosure", { field: "disclosureId" });
    const status = disclosureStateMachine(
      { kind: current.kind, status: current.status, createdBy: current.preparedBy ?? "" },
      { type: "revoke", by: ctx.auth.user.id },
    );
    const [updated] = await tx
      .update(disclosures)
      .set({ status, revokedAt: now })
      .where(eq(disclosures.id, current.id))
      .returning();
    if (!updated) throw new Error("update returned nothing");
    const ended = current.externalUserId
      ? await endExternalAccess(tx, { userId: current.externalUserId, exceptDisclosureId: current.id, now })
      : null;
    if (current.kind !== "training") {
      await releaseHolds(tx, ctx, {
        disclosureId: current.id,
        by: ctx.auth.user.id,
        reason: "disclosure revoked",
      });
    }
    await audit(tx, ctx, {
      action: "disclosure.revoke",
      outcome: "success",
      targetType: "disclosure",
      targetId: current.id,
      details: {
        kind: current.kind,
        from: current.status,
        reason: input.reason,
        ...(ended ? { sessionsEnded: ended.sessionsEnded, externalUserDeactivated: ended.deactivated } : {}),
      },
    });
    return updated;
  });
  return { disclosure: await toDisclosureView(ctx.db, row, now) };
}
