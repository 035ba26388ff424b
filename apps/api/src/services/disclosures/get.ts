import { auditEvents } from "@kuulo/db/schema";
import type { AuditRefs } from "@kuulo/domain/audit";
import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import { NO_REFS } from "../audit/audit-view.js";
import { resolveAuditRefs } from "../audit/resolve-audit-refs.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type DisclosureView, toDisclosureView } from "./disclosure-view.js";
import { loadDisclosureInScope } from "./load-disclosure.js";

export interface DisclosureTrailEntry {
  seq: number;
  occurredAt: Date;
  action: string;
  outcome: string;
  actorLabel: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  actorType: string;
  /** The names behind the ids, so the trail reads as sentences (one query for the whole trail). */
  refs: AuditRefs;
}

/**
 * One disclosure with its audit trail: its own lifecycle events, its holds, and for a training disclosure
 * every listen recorded against it (any audit row whose `details.disclosureId` names it).
 */
export async function getDisclosure({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { disclosureId: string };
}): Promise<{ disclosure: DisclosureView; trail: DisclosureTrailEntry[] }> {
  const row = await loadDisclosureInScope(ctx, ctx.db, input.disclosureId, "disclosure.read");
  const disclosure = await toDisclosureView(ctx.db, row, ctx.clock.now());
  const own = and(eq(auditEvents.targetType, "disclosure"), eq(auditEvents.targetId, row.id));
  const linked = sql`${auditEvents.details}->>'disclosureId' = ${row.id}`;
  // Listens name the disclosure that allowed them (`linked`); older rows without that id are matched by
  // the trainer, the disclosed recordings and the validity window.
  const end = row.revokedAt ?? row.validUntil;
  const listens =
    row.kind === "training" && row.externalUserId && disclosure.recordingIds.length > 0
      ? and(
          eq(auditEvents.action, "recording.listen"),
          eq(auditEvents.actorId, row.externalUserId),
          eq(auditEvents.targetType, "recording"),
          inArray(auditEvents.targetId, disclosure.recordingIds),
          row.validFrom ? gte(auditEvents.occurredAt, row.validFrom) : undefined,
          end ? lte(auditEvents.occurredAt, end) : undefined,
          sql`${auditEvents.details}->>'disclosureId' is null`,
        )
      : undefined;
  const events = await ctx.db
    .select()
    .from(auditEvents)
    .where(listens ? or(own, linked, listens) : or(own, linked))
    .orderBy(asc(auditEvents.seq))
    .limit(5000);
  const refs = await resolveAuditRefs(ctx.db, events);
  return {
    disclosure,
    trail: events.map((event, index) => ({
      seq: Number(event.seq),
      occurredAt: event.occurredAt,
      action: event.action,
      outcome: event.outcome,
      actorLabel: event.actorLabel,
      targetType: event.targetType,
      targetId: event.targetId,
      details: event.details,
      actorType: event.actorType,
      refs: refs[index] ?? NO_REFS,
    })),
  };
}
