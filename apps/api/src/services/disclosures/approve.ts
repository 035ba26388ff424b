import { disclosures } from "@kuulo/db/schema";
import { disclosureStateMachine } from "@kuulo/domain/disclosure";
import { DomainError } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { audit, auditDenied } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { activateExport } from "./activate-export.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

/**
 * Four-eyes approval (R6): a privacy officer other than the one who prepared it makes the disclosure
 * take effect. Statutory and access-request disclosures then get their one export package.
 */
export async function approveDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disclosureId: string };
}): Promise<{ disclosure: DisclosureView }> {
  await loadDisclosureInScope(ctx, ctx.db, input.disclosureId, "disclosure.approve");
  const now = ctx.clock.now();
  const by = ctx.auth.user.id;
  let row: Awaited<ReturnType<typeof loadDisclosureInScope>>;
  try {
    row = await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(disclosures)
        .where(eq(disclosures.id, input.disclosureId))
        .for("update");
      if (!current) throw new DomainError("NOT_FOUND", "No such disclosure", { field: "disclosureId" });
      const status = disclosureStateMachine(
        { kind: current.kind, status: current.status, createdBy: current.preparedBy ?? "" },
        { type: "approve", by },
      );
      const [updated] = await tx
        .update(disclosures)
        .set({ status, approvedBy: by, approvedAt: now })
        .where(eq(disclosures.id, current.id))
        .returning();
      if (!updated) throw new Error("update returned nothing");
      await audit(tx, ctx, {
        action: "disclosure.approve",
        outcome: "success",
        targetType: "disclosure",
        targetId: current.id,
        details: { kind: current.kind, status, preparedBy: current.preparedBy },
      });
      return updated;
    });
  } catch (error) {
    if (error instanceof DomainError && error.reason === "disclosure.four_eyes") {
      await auditDenied(ctx, {
        permission: "disclosure.approve",
        targetType: "disclosure",
        targetId: input.disclosureId,
        reason: "four-eyes: the preparer cannot approve",
      });
    }
    throw error;
  }
  if (row.kind !== "training" && row.status === "active") await activateExport(ctx, row.id);
  return { disclosure: await toDisclosureView(ctx.db, row, ctx.clock.now()) };
}
