import { auditEvents } from "@kuulo/db/schema";
import { desc, lt } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type AuditFilter, whereAudit } from "./audit-filter.js";
import { type AuditEventView, NO_REFS, toAuditEventView } from "./audit-view.js";
import { resolveAuditRefs } from "./resolve-audit-refs.js";

/** Newest first, keyset-paged by sequence number. The audit log is not unit-scoped: all units needed. */
export async function findAuditEvents({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: AuditFilter & { before?: number | undefined; limit: number };
}): Promise<{ items: AuditEventView[]; nextCursor: number | null }> {
  await authorize(ctx, "audit.read", {}, { type: "audit", id: null });
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(whereAudit(input, input.before ? [lt(auditEvents.seq, input.before)] : []))
    .orderBy(desc(auditEvents.seq))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const refs = await resolveAuditRefs(ctx.db, page);
  return {
    items: page.map((row, index) => toAuditEventView(row, refs[index] ?? NO_REFS)),
    nextCursor: rows.length > input.limit ? (page[page.length - 1]?.seq ?? null) : null,
  };
}
