import type { DbOrTx } from "@kuulo/db/client";
import { type Playlist, playlists } from "@kuulo/db/schema";
import type { Permission } from "@kuulo/domain/access";
import { notFound } from "@kuulo/domain/errors";
import { eq } from "drizzle-orm";
import { authorize } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

/**
 * Loads the playlist a trainer verb acts on and checks the actor holds `permission` in the playlist's unit
 * (IDOR: another unit's playlist id is FORBIDDEN and audited). `db` may be a transaction that locks the row.
 */
export async function loadPlaylistInScope(
  ctx: AuthedContext,
  permission: Permission,
  playlistId: string,
  db: DbOrTx = ctx.db,
): Promise<Playlist> {
  const [playlist] = await db.select().from(playlists).where(eq(playlists.id, playlistId));
  if (!playlist) throw notFound("Playlist");
  await authorize(ctx, permission, { unitId: playlist.unitId }, { type: "playlist", id: playlist.id });
  return playlist;
}
