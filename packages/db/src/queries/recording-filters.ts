import { eq, gte, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import { recordings } from "../schema/recordings.js";
import type { RecordingCursor } from "./recording-cursor.js";

/** Narrowing filters, applied inside the scope. */
export interface RecordingFilters {
  unitId?: string | undefined;
  staffMemberId?: string | undefined;
  /** Inclusive lower bound on call_started_at. */
  callStartedFrom?: Date | undefined;
  /** Exclusive upper bound on call_started_at. */
  callStartedBefore?: Date | undefined;
  /** Inclusive duration bounds in milliseconds. */
  durationMinMs?: number | undefined;
  durationMaxMs?: number | undefined;
}

/** Newest or oldest call first ("desc", "asc"), or longest or shortest call first. */
export const RECORDING_ORDERS = ["desc", "asc", "longest", "shortest"] as const;
export type RecordingOrder = (typeof RECORDING_ORDERS)[number];

export const isDurationOrder = (order: RecordingOrder): boolean =>
  order === "longest" || order === "shortest";
const descending = (order: RecordingOrder): boolean => order === "desc" || order === "longest";

/** Filter conditions; purged (deleted) recordings are never matched. */
export function recordingFilterConditions(filters: RecordingFilters): SQL[] {
  const conditions: SQL[] = [isNull(recordings.deletedAt)];
  if (filters.unitId) conditions.push(eq(recordings.unitId, filters.unitId));
  if (filters.staffMemberId) conditions.push(eq(recordings.staffMemberId, filters.staffMemberId));
  if (filters.callStartedFrom) conditions.push(gte(recordings.callStartedAt, filters.callStartedFrom));
  if (filters.callStartedBefore) conditions.push(lt(recordings.callStartedAt, filters.callStartedBefore));
  if (filters.durationMinMs !== undefined) conditions.push(gte(recordings.durationMs, filters.durationMinMs));
  if (filters.durationMaxMs !== undefined) conditions.push(lte(recordings.durationMs, filters.durationMaxMs));
  return conditions;
}

/**
 * Rows strictly after the cursor in the given order. A row-value comparison (not an OR of two terms) so
 * PostgreSQL can start the index scan at the cursor: deep pages cost the same as the first.
 */
export function afterCursorCondition(cursor: RecordingCursor, order: RecordingOrder): SQL {
  let position: SQL;
  let columns: SQL;
  if (isDurationOrder(order)) {
    if (cursor.durationMs === undefined) throw new Error("cursor: not a cursor of a duration order");
    position = sql`(${cursor.durationMs}::integer, ${cursor.id}::uuid)`;
    columns = sql`(${recordings.durationMs}, ${recordings.id})`;
  } else {
    position = sql`(${cursor.callStartedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`;
    columns = sql`(${recordings.callStartedAt}, ${recordings.id})`;
  }
  return descending(order) ? sql`${columns} < ${position}` : sql`${columns} > ${position}`;
}

/** ORDER BY of a keyset page, NULLS placement spelled out to match the indexes (see recordingsPageQuery). */
export function recordingOrderBy(order: RecordingOrder): SQL[] {
  const direction = descending(order) ? sql.raw("desc nulls last") : sql.raw("asc nulls first");
  const key = isDurationOrder(order) ? recordings.durationMs : recordings.callStartedAt;
  return [sql`${key} ${direction}`, sql`${recordings.id} ${direction}`];
}
