import type { DbOrTx } from "@kuulo/db/client";
import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";

/** What a cached listen must be checked against on every request, read in one round trip. */
export interface ListenFreshness {
  /** The auth epoch: it moves with every session, user, grant, organisation and disclosure change. */
  epoch: number;
  /** The recording as the access decision saw it; null when its row is gone (purged). */
  recording: { unitId: string; staffMemberId: string; live: boolean } | null;
}

/**
 * The auth epoch and the recording's row, read together before anything else the request uses: a
 * purge, a crypto-erase (wrapped key nulled) or a move to another unit or staff member shows here on the
 * very next request, on every instance.
 */
export async function readListenFreshness(db: DbOrTx, recordingId: string): Promise<ListenFreshness> {
  const [row] = await queryRows<{
    epoch: string | number | null;
    unit_id: string | null;
    staff_member_id: string | null;
    live: boolean | null;
  }>(
    db,
    sql`select (select value from auth_epoch where id = 1) as epoch, r.unit_id, r.staff_member_id,
          (r.deleted_at is null and r.wrapped_data_key is not null) as live
        from (select 1) as one left join recordings r on r.id = ${recordingId}`,
  );
  const recording =
    row?.unit_id && row.staff_member_id
      ? { unitId: row.unit_id, staffMemberId: row.staff_member_id, live: row.live === true }
      : null;
  return { epoch: Number(row?.epoch ?? -1), recording };
}
