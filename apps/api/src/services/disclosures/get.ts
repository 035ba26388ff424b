import { auditEvents } from "@kuulo/db/schema";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AuthedContext } from "../../trpc/procedures.js";
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
  const listens = sql`${auditEvents.details}->>'disclosureId' = ${row.id}`;
  const events = await ctx.db
    .select()
    .from(auditEvents)
    .where(sql`(${own}) or (${listens})`)
    .orderBy(asc(auditEvents.seq))
    .limit(5000);
  return {
    disclosure,
    trail: events.map((event) => ({
      seq: Number(event.seq),
      occurredAt: event.occurredAt,
      action: event.action,
      outcome: event.outcome,
      actorLabel: event.actorLabel,
      targetType: event.targetType,
      targetId: event.targetId,
      details: event.details,
    })),
  };
}
