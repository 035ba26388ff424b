import { disclosures, exportPackages } from "@kuulo/db/schema";
import { disclosureStateMachine } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { journalOf } from "../../backup/journal-of.js";
import { releaseHolds } from "../legal-holds/hold-recordings.js";
import { storeOf } from "../retention/store-of.js";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

/**
 * Closes a statutory or access-request case: its legal holds are released (normal due dates restored,
 * audited), a live download link stops working, the package's key is destroyed (crypto-erase) and its
 * object deleted; the package's SHA-256 stays on record.
 */
export async function closeDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disclosureId: string };
}): Promise<{ disclosure: DisclosureView }> {
  await loadDisclosureInScope(ctx, ctx.db, input.disclosureId, "disclosure.revoke");
  const now = ctx.clock.now();
  const { row, storageKey } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(disclosures)
      .where(eq(disclosures.id, input.disclosureId))
      .for("update");
    if (!current) throw new DomainError("NOT_FOUND", "No such disclosure", { field: "disclosureId" });
    const status = disclosureStateMachine(
      { kind: current.kind, status: current.status, createdBy: current.preparedBy ?? "" },
      { type: "close", by: ctx.auth.user.id },
    );
    const [updated] = await tx
      .update(disclosures)
      .set({ status, closedAt: now })
      .where(eq(disclosures.id, current.id))
      .returning();
    if (!updated) throw new Error("update returned nothing");
    const released = await releaseHolds(tx, ctx, {
      disclosureId: current.id,
      by: ctx.auth.user.id,
      reason: "case closed",
    });
    const [pkg] = await tx
      .update(exportPackages)
      .set({ expiresAt: now, wrappedDataKey: null })
      .where(eq(exportPackages.disclosureId, current.id))
      .returning({ id: exportPackages.id, storageKey: exportPackages.storageKey });
    // Recorded outside the database, so restoring an older backup cannot make the package readable again.
    if (pkg) {
      await journalOf(ctx).append({
        target: "export_package",
        id: pkg.id,
        storageKey: pkg.storageKey,
        reason: "case_closed",
        erasedAt: now.toISOString(),
      });
    }
    await audit(tx, ctx, {
      action: "disclosure.close",
      outcome: "success",
      targetType: "disclosure",
      targetId: current.id,
      details: { kind: current.kind, from: current.status, holdsReleased: released.length },
    });
    return { row: updated, storageKey: pkg?.storageKey ?? null };
  });
  if (storageKey) await storeOf(ctx).deleteObject(storageKey);
  return { disclosure: await toDisclosureView(ctx.db, row, now) };
}
