import { listRecordingSummaries, RECORDING_ORDERS, type RecordingOrder } from "@kuulo/db/queries";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { recordingScopeOf } from "./recording-access.js";
import {
  assertUnitFilterInScope,
  decodeSearchCursor,
  describeFilter,
  encodeSearchCursor,
  type RecordingFilterInput,
  toRecordingFilters,
} from "./recording-filters.js";
import { type RecordingListItemView, toRecordingListItemView } from "./recording-view.js";

/** Newest, oldest, longest or shortest call first. */
export { RECORDING_ORDERS };

export interface FindRecordingsInput extends RecordingFilterInput {
  order: RecordingOrder;
  cursor?: string | undefined;
  limit: number;
}

/**
 * One keyset page of the recordings the caller may read (never OFFSET). The search is audited as one
 * `recording.read` row per query carrying the filter, not one per row returned. The row is committed
 * while the query runs (on another connection), and the page is returned only once both have finished,
 * so an audit failure still fails the request (R14) without the commit adding to its time.
 */
export async function findRecordings({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: FindRecordingsInput;
}): Promise<{ items: RecordingListItemView[]; nextCursor: string | null }> {
  const filters = toRecordingFilters(input);
  const after = input.cursor ? decodeSearchCursor(input.cursor, input.order) : undefined;
  await assertUnitFilterInScope(ctx, input.unitId);
  const { cursor: _cursor, limit: _limit, ...filter } = input;
  // The audit commit (its fsync) is the longer of the two: it is sent first, and the search beside it.
  const [, page] = await Promise.all([
    audit(ctx.db, ctx, {
      action: "recording.read",
      targetType: "recording_search",
      targetId: null,
      outcome: "success",
      details: { filter: describeFilter(filter), page: after ? "next" : "first" },
    }),
    listRecordingSummaries(ctx.db, {
      ...filters,
      scope: recordingScopeOf(ctx.auth.actor, "recording.read"),
      order: input.order,
      after,
      limit: input.limit,
    }),
  ]);
  return {
    items: page.items.map(toRecordingListItemView),
    nextCursor: page.nextCursor ? encodeSearchCursor(input.order, page.nextCursor) : null,
  };
}
