import type { Permission } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { auditDenied } from "./audit.js";
import type { ServiceContext } from "./service-context.js";

export interface ScopeRefusal {
  permission: Permission;
  /** What was refused, for the audit row (e.g. recording, unit, user). */
  target: { type: string; id: string | null };
  /** Why the domain refused (its decision's reason); audited, never shown. */
  reason: string;
  /** What the person is told; defaults to the permission being outside their scope. */
  message?: string;
  /** The input field that asked for the out-of-scope object, when there is one. */
  field?: string;
}

/**
 * The one scope refusal (R10): the denial is audited in its own transaction, then returned as
 * FORBIDDEN with rule R10 and reason `scope.outside` for the caller to throw.
 */
export async function refuseOutsideScope(
  ctx: Pick<ServiceContext, "auth" | "request" | "clock" | "db">,
  refusal: ScopeRefusal,
): Promise<DomainError> {
  await auditDenied(ctx, {
    permission: refusal.permission,
    targetType: refusal.target.type,
    targetId: refusal.target.id,
    reason: refusal.reason,
  });
  return new DomainError(
    "FORBIDDEN",
    refusal.message ?? `Not allowed: ${refusal.permission} is outside your scope`,
    {
      rule: "R10",
      reason: "scope.outside",
      ...(refusal.field ? { field: refusal.field } : {}),
      details: { permission: refusal.permission },
    },
  );
}
