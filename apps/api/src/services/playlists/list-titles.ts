import { playlistItems, playlists, units } from "@kuulo/db/schema";
import { and, asc, count, eq, ilike, inArray, isNotNull, type SQL } from "drizzle-orm";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";

/** A playlist as a privacy officer may see it: enough to name it in a disclosure, nothing of its content. */
export interface PlaylistTitleView {
  id: string;
  title: string;
  unitName: string;
  status: "draft" | "published";
  /** Items whose recording still exists (what a disclosure of it would carry). */
  itemCount: number;
}

/**
 * Playlist titles and item counts in the actor's units (`playlist.list_titles`), searched by title.
 * Deliberately no description, items, notes or recordings: those stay behind `playlist.read`.
 */
export async function listPlaylistTitles({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { search?: string | undefined; playlistId?: string | undefined; limit: number };
}): Promise<{ items: PlaylistTitleView[] }> {
  const scope = unitScope(ctx, "playlist.list_titles");
  if (!scope.all && scope.unitIds.length === 0) return { items: [] };
  const conditions: SQL[] = [];
  if (!scope.all) conditions.push(inArray(playlists.unitId, scope.unitIds));
  if (input.playlistId) conditions.push(eq(playlists.id, input.playlistId));
  if (input.search) {
    conditions.push(ilike(playlists.title, `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  }
  const rows = await ctx.db
    .select({
      id: playlists.id,
      title: playlists.title,
      unitName: units.name,
      status: playlists.status,
      itemCount: count(playlistItems.id),
    })
    .from(playlists)
    .innerJoin(units, eq(units.id, playlists.unitId))
    .leftJoin(
      playlistItems,
      and(eq(playlistItems.playlistId, playlists.id), isNotNull(playlistItems.recordingId)),
    )
    .where(and(...conditions))
    .groupBy(playlists.id, units.name)
    .orderBy(asc(playlists.title), asc(playlists.id))
    .limit(input.limit);
  return { items: rows.map((row) => ({ ...row, itemCount: Number(row.itemCount) })) };
}
