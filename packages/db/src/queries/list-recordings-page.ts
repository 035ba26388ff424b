import { and, desc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { type Recording, recordings } from "../schema/recordings.js";
import { encodeRecordingCursor, type RecordingCursor } from "./recording-cursor.js";

/**
 * What the caller may see, resolved by the access policy before the query (deny by default): every
 * recording, or those of some units and/or some staff members (a person's own calls). Empty lists = nothing.
 */
export type RecordingScope = { all: true } | { all: false; unitIds: string[]; staffMemberIds: string[] };

export interface ListRecordingsPageInput {
  scope: RecordingScope;
  /** Narrowing filters, applied inside the scope. */
  unitId?: string;
  staffMemberId?: string;
  callStartedFrom?: Date;
  callStartedBefore?: Date;
  after?: RecordingCursor;
  limit: number;
}

export interface RecordingsPage {
  items: Recording[];
  /** Pass back as `after` (decoded) for the next page; null on the last page. */
  nextCursor: string | null;
}

export const MAX_RECORDINGS_PAGE = 200;

/**
 * Newest calls first, keyset-paginated on (call_started_at, id) so pages stay fast and stable while new
 * recordings arrive. Purged (deleted) recordings are never listed.
 */
export async function listRecordingsPage(
  db: DbOrTx,
  input: ListRecordingsPageInput,
): Promise<RecordingsPage> {
  if (!Number.isInteger(input.limit) || input.limit < 1 || input.limit > MAX_RECORDINGS_PAGE) {
    throw new Error(`limit: must be an integer from 1 to ${MAX_RECORDINGS_PAGE}`);
  }
  const scope = scopeCondition(input.scope);
  if (scope === "nothing") return { items: [], nextCursor: null };
  const conditions: (SQL | undefined)[] = [isNull(recordings.deletedAt), scope];
  if (input.unitId) conditions.push(eq(recordings.unitId, input.unitId));
  if (input.staffMemberId) conditions.push(eq(recordings.staffMemberId, input.staffMemberId));
  if (input.callStartedFrom) conditions.push(gte(recordings.callStartedAt, input.callStartedFrom));
  if (input.callStartedBefore) conditions.push(lt(recordings.callStartedAt, input.callStartedBefore));
  if (input.after) {
    const { callStartedAt, id } = input.after;
    conditions.push(
      or(
        lt(recordings.callStartedAt, callStartedAt),
        and(eq(recordings.callStartedAt, callStartedAt), lt(recordings.id, id)),
      ),
    );
  }
  const rows = await db
    .select()
    .from(recordings)
    .where(and(...conditions))
    .orderBy(desc(recordings.callStartedAt), desc(recordings.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeRecordingCursor({ callStartedAt: last.callStartedAt, id: last.id })
      : null;
  return { items, nextCursor };
}

function scopeCondition(scope: RecordingScope): SQL | undefined | "nothing" {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) parts.push(inArray(recordings.unitId, scope.unitIds));
  if (scope.staffMemberIds.length > 0) parts.push(inArray(recordings.staffMemberId, scope.staffMemberIds));
  if (parts.length === 0) return "nothing";
  return or(...parts);
}
