import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client/types.js";
import { units } from "../schema/organisations.js";
import { recordings } from "../schema/recordings.js";
import { staffMembers } from "../schema/staff.js";
import {
  type ListRecordingsPageInput,
  type RecordingsPage,
  recordingsPageQuery,
  toRecordingsPage,
} from "./list-recordings-page.js";

/** One row of a recordings list: what a search result shows, without keys, checksums or peaks. */
export interface RecordingSummary {
  id: string;
  callStartedAt: Date;
  durationMs: number;
  storedFormat: string;
  legalHold: boolean;
  unitId: string;
  unitCode: string;
  unitName: string;
  staffMemberId: string;
  staffFirstName: string;
  staffLastName: string;
  staffUsername: string;
}

/** The query behind a summary page, unexecuted, so a benchmark can run the very same SQL through the driver. */
export function recordingSummariesQuery(db: DbOrTx, input: ListRecordingsPageInput) {
  const query = recordingsPageQuery(db, input);
  if (query === "nothing") return "nothing" as const;
  return db
    .select({
      id: recordings.id,
      callStartedAt: recordings.callStartedAt,
      durationMs: recordings.durationMs,
      storedFormat: recordings.storedFormat,
      legalHold: recordings.legalHold,
      unitId: recordings.unitId,
      unitCode: units.code,
      unitName: units.name,
      staffMemberId: recordings.staffMemberId,
      staffFirstName: staffMembers.firstName,
      staffLastName: staffMembers.lastName,
      staffUsername: staffMembers.username,
    })
    .from(recordings)
    .innerJoin(units, eq(units.id, recordings.unitId))
    .innerJoin(staffMembers, eq(staffMembers.id, recordings.staffMemberId))
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(input.limit + 1);
}

/** A keyset page of recording summaries (unit and staff member joined) within an explicit scope. */
export async function listRecordingSummaries(
  db: DbOrTx,
  input: ListRecordingsPageInput,
): Promise<RecordingsPage<RecordingSummary>> {
  const query = recordingSummariesQuery(db, input);
  if (query === "nothing") return { items: [], nextCursor: null };
  return toRecordingsPage(await query, input.limit, input.order);
}
