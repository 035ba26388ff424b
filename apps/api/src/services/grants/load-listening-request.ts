import { type ListeningRequest, listeningRequests } from "@kuulo/db/schema";
import { DomainError, notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { auditDenied } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { approverCovers } from "./listening-request-view.js";

/**
 * The request a decision is about, checked before any write: in the approver's scope (IDOR), still
 * pending, and neither asked by the approver nor for the approver — the second person must be a
 * second person. Refusals of the decider are audited.
 */
export async function loadDecidableRequest(ctx: AuthedContext, requestId: string): Promise<ListeningRequest> {
  const [request] = await ctx.db.select().from(listeningRequests).where(eq(listeningRequests.id, requestId));
  if (!request) throw notFound("Request");
  const deny = async (reason: string, message: string, auditReason: string) => {
    await auditDenied(ctx, {
      permission: "grant.approve",
      targetType: "listening_request",
      targetId: request.id,
      reason: auditReason,
    });
    return new DomainError("FORBIDDEN", message, { rule: "R10", reason });
  };
  if (!(await approverCovers(ctx, ctx.db, request))) {
    throw await deny(
      "scope.outside",
      "Not allowed: this request is outside your scope",
      "outside approver scope",
    );
  }
  if (request.requestedBy === ctx.auth.user.id) {
    throw await deny(
      "approval.own_request",
      "You asked for this right yourself; another person must decide",
      "four-eyes: the requester cannot decide",
    );
  }
  if (request.userId === ctx.auth.user.id) {
    throw await deny(
      "grant.self",
      "You cannot decide on your own rights",
      "four-eyes: the grantee cannot decide",
    );
  }
  if (request.status !== "pending") {
    throw new DomainError("CONFLICT", "This request has already been decided", {
      reason: "approval.decided",
    });
  }
  return request;
}
