import type { DbOrTx } from "@kuulo/db/client";
import { queryRows } from "@kuulo/db/client";
import { sql } from "drizzle-orm";

/** What a cached listen must be checked against on every request, read in one round trip. */
export interface ListenFreshness {
  /** The auth epoch: it moves with every session, user, grant, organisation and disclosure change. */
  epoch: number;
  /** The recording as the access decision saw it; null when its row is gone (purged). */
  recording: { unitId: string; staffMemberId: string; live: boolean } | null;
  /**
   * A digest of every playlist row a clip reach of this recording rests on: its items (which playlist,
   * the clip), their playlists' status and those playlists' assignments. Playlist edits do not move the
   * auth epoch, so this is what makes an unpublish, an item removed or re-clipped, or an assignment
   * withdrawn bite on a clip listener's next request.
   */
  playlists: string;
}

/**
 * The auth epoch, the recording's row and its playlist digest, read together before anything else the
 * request uses: a purge, a crypto-erase (wrapped key nulled), a move to another unit or staff member, or
 * a change to a playlist that carries the recording shows here on the very next request, on every
 * instance. The assignment lookups are split by target so each uses its partial unique index.
 */
export async function readListenFreshness(db: DbOrTx, recordingId: string): Promise<ListenFreshness> {
  const [row] = await queryRows<{
    epoch: string | number | null;
    unit_id: string | null;
    staff_member_id: string | null;
    live: boolean | null;
    playlists: string | null;
  }>(
    db,
    sql`select (select value from auth_epoch where id = 1) as epoch, r.unit_id, r.staff_member_id,
          (r.deleted_at is null and r.wrapped_data_key is not null) as live,
          (select md5(coalesce(string_agg(
              concat(i.id, '|', i.playlist_id, '|', i.clip_start_ms, '|', coalesce(i.clip_end_ms::text, '-'),
                '|', p.status,
                '|', (select string_agg('u' || a.unit_id, ',' order by a.unit_id) from playlist_assignments a
                      where a.playlist_id = p.id and a.unit_id is not null),
                '|', (select string_agg('p' || a.user_id, ',' order by a.user_id) from playlist_assignments a
                      where a.playlist_id = p.id and a.user_id is not null)),
              ';' order by i.id), ''))
            from playlist_items i join playlists p on p.id = i.playlist_id
            where i.recording_id = ${recordingId}) as playlists
        from (select 1) as one left join recordings r on r.id = ${recordingId}`,
  );
  const recording =
    row?.unit_id && row.staff_member_id
      ? { unitId: row.unit_id, staffMemberId: row.staff_member_id, live: row.live === true }
      : null;
  return { epoch: Number(row?.epoch ?? -1), recording, playlists: row?.playlists ?? "" };
}
