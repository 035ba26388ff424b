import { disclosureRecordings, disclosures, recordings } from "@kuulo/db/schema";
import type { DisclosureKind, DisclosureStatus } from "@kuulo/domain/disclosure";
import { and, desc, eq, exists, lt, notExists, notInArray, type SQL } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { type DisclosureView, toDisclosureViews } from "./disclosure-view.js";

export interface FindDisclosuresInput {
  kind?: DisclosureKind | undefined;
  status?: DisclosureStatus | undefined;
  limit: number;
  /** createdAt of the last row of the previous page (newest first). */
  before?: Date | undefined;
}

/**
 * Disclosures visible to the officer, newest first: all of them with an all-units grant, otherwise those
 * whose every recording lies in the officer's units.
 */
export async function findDisclosures({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: FindDisclosuresInput;
}): Promise<{ items: DisclosureView[]; nextBefore: string | null }> {
  const scope = unitScope(ctx, "disclosure.read");
  const conditions: SQL[] = [];
  if (input.kind) conditions.push(eq(disclosures.kind, input.kind));
  if (input.status) conditions.push(eq(disclosures.status, input.status));
  if (input.before) conditions.push(lt(disclosures.createdAt, input.before));
  if (!scope.all) {
    const outside = ctx.db
      .select({ one: disclosureRecordings.recordingId })
      .from(disclosureRecordings)
      .innerJoin(recordings, eq(recordings.id, disclosureRecordings.recordingId))
      .where(
        and(
          eq(disclosureRecordings.disclosureId, disclosures.id),
          scope.unitIds.length > 0 ? notInArray(recordings.unitId, scope.unitIds) : undefined,
        ),
      );
    const any = ctx.db
      .select({ one: disclosureRecordings.recordingId })
      .from(disclosureRecordings)
      .where(eq(disclosureRecordings.disclosureId, disclosures.id));
    conditions.push(notExists(outside), exists(any));
  }
  const rows = await ctx.db
    .select()
    .from(disclosures)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(disclosures.createdAt), desc(disclosures.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: await toDisclosureViews(ctx.db, page, ctx.clock.now()),
    nextBefore: rows.length > input.limit && last ? last.createdAt.toISOString() : null,
  };
}
