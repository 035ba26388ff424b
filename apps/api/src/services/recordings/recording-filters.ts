import {
  decodeRecordingCursor,
  isDurationOrder,
  type RecordingCursor,
  type RecordingFilters,
  type RecordingOrder,
} from "@kuulo/db/queries";
import { scopeOf } from "@kuulo/domain/access";
import { DomainError } from "@kuulo/domain/errors";
import { refuseOutsideScope } from "../shared/refuse-outside-scope.js";
import type { AuthedContext } from "../shared/service-context.js";

/** The search filters as clients send them: ISO date-times, half-open [from, to), inclusive durations. */
export interface RecordingFilterInput {
  unitId?: string | undefined;
  staffMemberId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  durationMinMs?: number | undefined;
  durationMaxMs?: number | undefined;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", `${field}: ${message}`, {
    field,
    reason: `recording_filter.${field}`,
  });
}

/** Checks the filter's own consistency and converts it for the query layer. */
export function toRecordingFilters(input: RecordingFilterInput): RecordingFilters {
  const from = input.from ? new Date(input.from) : undefined;
  const to = input.to ? new Date(input.to) : undefined;
  if (from && to && from.getTime() >= to.getTime()) throw invalid("to", "must be later than from");
  if (
    input.durationMinMs !== undefined &&
    input.durationMaxMs !== undefined &&
    input.durationMinMs > input.durationMaxMs
  ) {
    throw invalid("durationMaxMs", "must not be less than durationMinMs");
  }
  return {
    unitId: input.unitId,
    staffMemberId: input.staffMemberId,
    callStartedFrom: from,
    callStartedBefore: to,
    durationMinMs: input.durationMinMs,
    durationMaxMs: input.durationMaxMs,
  };
}

/**
 * A unit filter outside a purely unit-scoped actor's units is an attempt to look elsewhere (IDOR on the
 * filter): refused and audited rather than silently answered with nothing. Actors with relation scopes
 * (own calls, assignments) may filter by any unit; the scope still narrows the rows.
 */
export async function assertUnitFilterInScope(ctx: AuthedContext, unitId: string | undefined): Promise<void> {
  if (!unitId) return;
  const scope = scopeOf(ctx.auth.actor, "recording.read");
  if (scope.all || scope.relations.length > 0 || scope.unitIds.includes(unitId)) return;
  throw await refuseOutsideScope(ctx, {
    permission: "recording.read",
    target: { type: "unit", id: unitId },
    reason: "unit filter outside scope",
    message: "Not allowed: recording.read is outside your scope for this unit",
    field: "unitId",
  });
}

/** The client's cursor: the sort direction and the database's keyset position, opaque together. */
const ORDER_TAG: Record<RecordingOrder, string> = { desc: "d", asc: "a", longest: "l", shortest: "s" };

export function encodeSearchCursor(order: RecordingOrder, dbCursor: string): string {
  return `${ORDER_TAG[order]}${dbCursor}`;
}

export function decodeSearchCursor(cursor: string, order: RecordingOrder): RecordingCursor {
  if (cursor[0] !== ORDER_TAG[order]) throw invalid("cursor", "belongs to a listing in another sort order");
  let decoded: RecordingCursor;
  try {
    decoded = decodeRecordingCursor(cursor.slice(1));
  } catch {
    throw invalid("cursor", "not a recording page cursor");
  }
  if (isDurationOrder(order) !== (decoded.durationMs !== undefined)) {
    throw invalid("cursor", "not a recording page cursor");
  }
  return decoded;
}

/** What the audit row records about a search: the filter only, never the rows returned. */
export function describeFilter(
  input: RecordingFilterInput & { order?: RecordingOrder },
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
