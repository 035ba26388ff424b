import { and, type SQL, sql } from "drizzle-orm";
import { queryRows } from "../client/query-rows.js";
import type { DbOrTx } from "../client/types.js";
import { recordings } from "../schema/recordings.js";
import { type RecordingScope, recordingScopeCondition } from "./recording-access.js";
import { type RecordingFilters, recordingFilterConditions } from "./recording-filters.js";

export interface CountRecordingsInput extends RecordingFilters {
  scope: RecordingScope;
  /** Count exactly up to this many; beyond it the answer is "at least cap". */
  cap: number;
}

export interface RecordingCount {
  /** Exact when `capped` is false; otherwise the cap (there are more). */
  count: number;
  capped: boolean;
}

/** The capped count as one SQL statement (unexecuted), or "nothing" when the scope is empty. */
export function recordingCountQuery(db: DbOrTx, input: CountRecordingsInput): SQL | "nothing" {
  if (!Number.isInteger(input.cap) || input.cap < 1) throw new Error("cap: must be a positive integer");
  const scope = recordingScopeCondition(db, input.scope);
  if (scope === "nothing") return "nothing";
  const matching = db
    .select({ one: sql`1` })
    .from(recordings)
    .where(and(...recordingFilterConditions(input), scope))
    .limit(input.cap + 1);
  return sql`select count(*)::int as n from (${matching}) as capped`;
}

/**
 * Counts matching recordings, stopping after cap + 1 rows: the cost is bounded by the cap, not by the
 * table (an exact count(*) over a million rows scans them all on every search).
 */
export async function countRecordings(db: DbOrTx, input: CountRecordingsInput): Promise<RecordingCount> {
  const query = recordingCountQuery(db, input);
  if (query === "nothing") return { count: 0, capped: false };
  const [row] = await queryRows<{ n: number | string }>(db, query);
  const n = Number(row?.n ?? 0);
  return n > input.cap ? { count: input.cap, capped: true } : { count: n, capped: false };
}
