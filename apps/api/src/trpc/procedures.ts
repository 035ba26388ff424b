import { hasPermissionSomewhere, type Permission, PUBLIC } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import type { SessionStage } from "../auth/auth-state.js";
import { auditDenied } from "../services/shared/audit.js";
import type { AuthedContext } from "../services/shared/service-context.js";
import { baseProcedure, middleware } from "./init.js";

// ---------------------------------------------------------------------------------------------------
// public: no session needed; declared, never implied.
// ---------------------------------------------------------------------------------------------------

export const publicProcedure = baseProcedure.meta({ access: PUBLIC });

// ---------------------------------------------------------------------------------------------------
// sessions: a signed-in person whose session is at one of the allowed stages.
// ---------------------------------------------------------------------------------------------------

export type { AuthedContext };

const STAGE_REFUSAL: Record<Exclude<SessionStage, "full">, { reason: string; message: string }> = {
  second_factor: {
    reason: "session.second_factor_required",
    message: "Enter the code from your authenticator app",
  },
  enrolment: {
    reason: "session.enrolment_required",
    message: "Set up an authenticator app before continuing",
  },
};

function requireSession(stages: readonly SessionStage[]) {
  return middleware(({ ctx, next }) => {
    const auth = ctx.auth;
    if (!auth) throw new DomainError("UNAUTHENTICATED", "Sign in to continue", { reason: "session.missing" });
    if (!stages.includes(auth.session.stage)) {
      if (auth.session.stage === "full") {
        throw new DomainError("FORBIDDEN", "This step is only for a sign-in in progress", {
          reason: "session.already_complete",
        });
      }
      const refusal = STAGE_REFUSAL[auth.session.stage];
      throw new DomainError("UNAUTHENTICATED", refusal.message, { reason: refusal.reason, rule: "R11" });
    }
    return next({ ctx: { ...ctx, auth } });
  });
}

// ---------------------------------------------------------------------------------------------------
// permissions: the procedure-level gate (the actor holds the permission in some scope). Services then
// check the object itself against its unit (IDOR). Every denial is audited.
// ---------------------------------------------------------------------------------------------------

export interface PermissionOptions {
  /** Session stages that may call it; default only fully signed-in sessions. */
  stages?: readonly SessionStage[];
}

export function requirePermission(permission: Permission, options: PermissionOptions = {}) {
  const stages = options.stages ?? ["full"];
  return baseProcedure
    .meta({ access: permission })
    .use(requireSession(stages))
    .use(async ({ ctx, next, path }) => {
      const authed = ctx as AuthedContext;
      if (!hasPermissionSomewhere(authed.auth.actor, permission)) {
        await auditDenied(authed, { permission, targetType: "procedure", targetId: path });
        throw new DomainError("FORBIDDEN", `You do not have the ${permission} permission`, {
          rule: "R10",
          reason: "permission.missing",
          details: { permission },
        });
      }
      return next({ ctx: authed });
    });
}
