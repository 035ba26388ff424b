import { countRecordings as countInScope } from "@kuulo/db/queries";
import { audit } from "../shared/audit.js";
import type { AuthedContext } from "../shared/service-context.js";
import { recordingScopeOf } from "./recording-access.js";
import {
  assertUnitFilterInScope,
  describeFilter,
  type RecordingFilterInput,
  toRecordingFilters,
} from "./recording-filters.js";

/**
 * Exact counting stops here: beyond it the answer is "10,000+". Counting at most cap + 1 index entries
 * keeps a count as cheap as a few pages at any table size; an exact total over millions of rows is not
 * worth a full scan on every search, and a planner estimate would ignore the caller's scope.
 */
export const RECORDING_COUNT_CAP = 10_000;

export interface RecordingCountView {
  count: number;
  /** True when there are more than `count` (displayed as "10,000+"). */
  capped: boolean;
}

/** How many recordings the caller may read match the filter; audited like a search (a count per person is metadata too). */
export async function countRecordings({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: RecordingFilterInput;
}): Promise<RecordingCountView> {
  const filters = toRecordingFilters(input);
  await assertUnitFilterInScope(ctx, input.unitId);
  const result = await countInScope(ctx.db, {
    ...filters,
    scope: recordingScopeOf(ctx.auth.actor, "recording.read"),
    cap: RECORDING_COUNT_CAP,
  });
  await audit(ctx.db, ctx, {
    action: "recording.read",
    targetType: "recording_count",
    targetId: null,
    outcome: "success",
    details: { filter: describeFilter(input), count: result.count, capped: result.capped },
  });
  return result;
}
