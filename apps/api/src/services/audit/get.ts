import { auditEvents } from "@kuulo/db/schema";
import { notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AuditEventView, NO_REFS, toAuditEventView } from "./audit-view.js";
import { resolveAuditRefs } from "./resolve-audit-refs.js";

export async function getAuditEvent({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { seq: number };
}): Promise<AuditEventView> {
  await authorize(ctx, "audit.read", {}, { type: "audit", id: String(input.seq) });
  const [row] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.seq, input.seq));
  if (!row) throw notFound("Audit event");
  const [refs] = await resolveAuditRefs(ctx.db, [row]);
  return toAuditEventView(row, refs ?? NO_REFS);
}
