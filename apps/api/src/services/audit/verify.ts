import { type AuditChainVerification, verifyAuditChain } from "@kuulo/db/audit";
import type { AuthedContext } from "../../trpc/procedures.js";
import { audit } from "../shared/audit.js";
import { authorize } from "../shared/authorize.js";

/** Walks the whole hash chain (R14) and reports the first broken link; the check itself is audited. */
export async function verifyAudit({
  ctx,
}: {
  ctx: AuthedContext;
  input?: undefined;
}): Promise<AuditChainVerification> {
  await authorize(ctx, "audit.verify", {}, { type: "audit", id: null });
  const result = await verifyAuditChain(ctx.db);
  await audit(ctx.db, ctx, {
    action: "audit.verify",
    outcome: result.ok ? "success" : "failure",
    details: result.ok ? { count: result.count } : { brokenAt: result.brokenAt, reason: result.reason },
  });
  return result;
}
