import { type AuditChainVerification, verifyAuditChain } from "@kuulo/db/audit";
import type { DbOrTx } from "@kuulo/db/client";
import type { Config } from "../../env.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AuditCheckpointVerification, verifyAuditCheckpoints } from "./verify-checkpoints.js";

/**
 * The chain's verdict plus the signed checkpoints kept outside the database. An intact chain whose
 * checkpoints no longer match (e.g. the newest rows were removed) is reported as broken at the
 * checkpoint's seq with reason "checkpoint_mismatch".
 */
export type AuditVerification = (
  | AuditChainVerification
  | { ok: false; count: number; brokenAt: number; reason: "checkpoint_mismatch" }
) & { checkpoints: AuditCheckpointVerification };

export async function verifyAuditWithCheckpoints(
  db: DbOrTx,
  config: Pick<Config, "auditCheckpoints">,
): Promise<AuditVerification> {
  const chain = await verifyAuditChain(db, { maxMergeDelayMs: config.auditCheckpoints.maxMergeDelayMs });
  const checkpoints = await verifyAuditCheckpoints(db, config);
  if (chain.ok && !checkpoints.ok) {
    return {
      ok: false,
      count: chain.count,
      brokenAt: checkpoints.failure?.seq ?? chain.head.seq,
      reason: "checkpoint_mismatch",
      checkpoints,
    };
  }
  return { ...chain, checkpoints };
}

/** Walks the whole hash chain (R14) and the checkpoints, reports the first broken link; audited. */
export async function verifyAudit({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<AuditVerification> {
  await authorize(ctx, "audit.verify", {}, { type: "audit", id: null });
  const result = await verifyAuditWithCheckpoints(ctx.db, ctx.config);
  await audit(ctx.db, ctx, {
    action: "audit.verify",
    outcome: result.ok ? "success" : "failure",
    details: result.ok
      ? { count: result.count, checkpoints: result.checkpoints.count }
      : {
          brokenAt: result.brokenAt,
          reason: result.reason,
          ...(result.checkpoints.failure ? { checkpoint: result.checkpoints.failure.reason } : {}),
        },
  });
  return result;
}
