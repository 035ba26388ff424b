import { and, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { type Recording, recordings } from "../schema/recordings.js";
import { type RecordingScope, recordingScopeCondition } from "./recording-access.js";
import { encodeRecordingCursor, type RecordingCursor } from "./recording-cursor.js";
import {
  afterCursorCondition,
  isDurationOrder,
  type RecordingFilters,
  type RecordingOrder,
  recordingFilterConditions,
  recordingOrderBy,
} from "./recording-filters.js";

export type { RecordingScope } from "./recording-access.js";

export interface ListRecordingsPageInput extends RecordingFilters {
  scope: RecordingScope;
  after?: RecordingCursor | undefined;
  /** Newest first by default; also oldest, longest or shortest first. */
  order?: RecordingOrder | undefined;
  limit: number;
}

export interface RecordingsPage<Item = Recording> {
  items: Item[];
  /** Pass back as `after` (decoded) for the next page; null on the last page. */
  nextCursor: string | null;
}

export const MAX_RECORDINGS_PAGE = 200;

/** WHERE and ORDER BY of one keyset page, shared by the full-row and the summary listing. */
export function recordingsPageQuery(
  db: DbOrTx,
  input: ListRecordingsPageInput,
): { where: SQL | undefined; orderBy: SQL[] } | "nothing" {
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_RECORDINGS_PAGE) {
    throw new Error(`limit: must be an integer from 1 to ${MAX_RECORDINGS_PAGE}`);
  }
  const scope = recordingScopeCondition(db, input.scope);
  if (scope === "nothing") return "nothing";
  const order = input.order ?? "desc";
  const conditions: (SQL | undefined)[] = [...recordingFilterConditions(input), scope];
  if (input.after) conditions.push(afterCursorCondition(input.after, order));
  // The keyset indexes are (… call_started_at DESC NULLS LAST, id DESC NULLS LAST) and the same on
  // duration_ms; PostgreSQL reads an index in order only when NULLS placement matches too, so say it.
  return { where: and(...conditions), orderBy: recordingOrderBy(order) };
}

/** Cuts the limit+1 rows fetched into a page and the cursor after its last row. */
export function toRecordingsPage<Item extends { callStartedAt: Date; id: string; durationMs: number }>(
  rows: Item[],
  limit: number,
  order: RecordingOrder = "desc",
): RecordingsPage<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeRecordingCursor({
          callStartedAt: last.callStartedAt,
          id: last.id,
          ...(isDurationOrder(order) ? { durationMs: last.durationMs } : {}),
        })
      : null;
  return { items, nextCursor };
}

/**
 * Newest calls first (or oldest with order "asc"), keyset-paginated on (call_started_at, id) so pages stay
 * fast and stable while new recordings arrive. Purged (deleted) recordings are never listed.
 */
export async function listRecordingsPage(
  db: DbOrTx,
  input: ListRecordingsPageInput,
): Promise<RecordingsPage> {
  const query = recordingsPageQuery(db, input);
  if (query === "nothing") return { items: [], nextCursor: null };
  const rows = await db
    .select()
    .from(recordings)
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(input.limit + 1);
  return toRecordingsPage(rows, input.limit, input.order);
}
