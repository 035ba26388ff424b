import type { Permission } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { QUALITY_DISABLED_REASON } from "@kuulo/domain/quality";
import { loadQualitySettings } from "../../services/quality/load-settings.js";
import { type AuthedContext, requirePermission } from "../../trpc/procedures.js";

/**
 * A quality procedure: its one permission, then the installation's switch. While quality review is off
 * (the register as written does not declare it) every quality procedure refuses before reading input or
 * data, so nothing about stored evaluations leaks.
 */
export function qualityProcedure(permission: Permission) {
  return requirePermission(permission).use(async ({ ctx, next }) => {
    const settings = await loadQualitySettings((ctx as AuthedContext).db);
    if (!settings.enabled) {
      throw new DomainError(
        "FORBIDDEN",
        "Quality review is off: the register as written does not declare it. An administrator can turn it on.",
        { reason: QUALITY_DISABLED_REASON, rule: "R1" },
      );
    }
    return next();
  });
}
