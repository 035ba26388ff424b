import { type AuditEventInput, appendAuditEvent } from "@kuulo/db/audit";
import type { DbOrTx } from "@kuulo/db/client";
import type { Permission } from "@kuulo/domain/access";
import type { AuthState } from "../../auth/auth-state.js";
import type { ServiceContext } from "./service-context.js";

type ActorFields = Pick<AuditEventInput, "actorType" | "actorId" | "actorLabel" | "ip" | "occurredAt">;

/** Who did it, from where, when: the common part of every audit row written for a request. */
export function auditActor(ctx: Pick<ServiceContext, "auth" | "request" | "clock">): ActorFields {
  const auth: AuthState | null = ctx.auth;
  return {
    actorType: auth ? "user" : "anonymous",
    actorId: auth?.user.id ?? null,
    actorLabel: auth?.user.username ?? null,
    ip: ctx.request.ip,
    occurredAt: ctx.clock.now(),
  };
}

/** What happened; the actor fields default to the request's signed-in user (or anonymous). */
export type AuditWhat = Omit<AuditEventInput, keyof ActorFields> &
  Partial<Pick<ActorFields, "actorType" | "actorId" | "actorLabel">>;

/** Appends an audit row in the caller's transaction (tx), so it commits only with the change. */
export function audit(tx: DbOrTx, ctx: Pick<ServiceContext, "auth" | "request" | "clock">, what: AuditWhat) {
  return appendAuditEvent(tx, { ...auditActor(ctx), ...what });
}

/** A denied access, written in its own transaction because the refused request changes nothing. */
export function auditDenied(
  ctx: Pick<ServiceContext, "auth" | "request" | "clock" | "db">,
  denial: { permission: Permission; targetType: string; targetId: string | null; reason?: string },
) {
  return appendAuditEvent(ctx.db, {
    ...auditActor(ctx),
    action: "access.denied",
    outcome: "denied",
    targetType: denial.targetType,
    targetId: denial.targetId,
    details: { permission: denial.permission, ...(denial.reason ? { reason: denial.reason } : {}) },
  });
}
