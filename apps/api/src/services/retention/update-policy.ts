import { retentionSettings } from "@kuulo/db/schema";
import { parseRetentionPolicy } from "@kuulo/domain/retention";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { loadRetentionPolicy } from "./load-policy.js";
import { type RetentionPolicyView, retentionPolicy } from "./policy.js";
import { recomputeRetention } from "./recompute-retention.js";

/**
 * Changes the retention periods (R13) and recomputes every live recording's due date in the same
 * transaction (held ones stay without one). The public privacy notice reads the same rows (R1).
 */
export async function updateRetentionPolicy({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: unknown;
}): Promise<RetentionPolicyView & { recordingsUpdated: number }> {
  const policy = parseRetentionPolicy(input);
  // Periods apply to every unit's recordings, so only an all-units grant may change them.
  await authorize(ctx, "retention.update", { unitId: null }, { type: "retention_policy", id: null });
  const now = ctx.clock.now();
  const recordingsUpdated = await ctx.db.transaction(async (tx) => {
    const before = await loadRetentionPolicy(tx);
    for (const [category, periodDays] of [
      ["ordinary", policy.ordinaryDays],
      ["training", policy.trainingDays],
    ] as const) {
      await tx
        .insert(retentionSettings)
        .values({ category, periodDays, updatedBy: ctx.auth.user.id, updatedAt: now })
        .onConflictDoUpdate({
          target: retentionSettings.category,
          set: { periodDays, updatedBy: ctx.auth.user.id, updatedAt: now },
        });
    }
    const count = await recomputeRetention(tx, policy, now);
    await audit(tx, ctx, {
      action: "retention.update_policy",
      outcome: "success",
      targetType: "retention_policy",
      targetId: null,
      details: { before: before.policy, after: policy, recordingsUpdated: count },
    });
    return count;
  });
  return { ...(await retentionPolicy({ ctx })), recordingsUpdated };
}
