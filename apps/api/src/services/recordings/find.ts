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
 * `recording.read` row per query carrying the filter, not one per row returned; the row is written
 * before the page is returned, so an audit failure fails the request.
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
  const page = await listRecordingSummaries(ctx.db, {
    ...filters,
    scope: recordingScopeOf(ctx.auth.actor, "recording.read"),
    order: input.order,
    after,
    limit: input.limit,
  });
  const { cursor: _cursor, limit: _limit, ...filter } = input;
  await audit(ctx.db, ctx, {
    action: "recording.read",
    targetType: "recording_search",
    targetId: null,
    outcome: "success",
    details: { filter: describeFilter(filter), page: after ? "next" : "first", returned: page.items.length },
  });
  return {
    items: page.items.map(toRecordingListItemView),
    nextCursor: page.nextCursor ? encodeSearchCursor(input.order, page.nextCursor) : null,
  };
}
