import { playlists } from "@kuulo/db/schema";
import { DomainError } from "@kuulo/domain/errors";
import { and, desc, eq, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { auditDenied } from "../shared/audit.js";
import { unitScope } from "../shared/authorize.js";
import type { AuthedContext } from "../shared/service-context.js";
import { decodePlaylistCursor, encodePlaylistCursor } from "./playlist-cursor.js";
import { loadPlaylistSummaries, type PlaylistSummary } from "./playlist-view.js";

export interface FindPlaylistsInput {
  status?: "draft" | "published" | undefined;
  unitId?: string | undefined;
  search?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/**
 * The playlists of the trainer's units, newest first. People who read playlists only through an
 * assignment (employees) use training.myPlaylists; they have no unit scope here and are refused.
 */
export async function findPlaylists({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: FindPlaylistsInput;
}): Promise<{ items: PlaylistSummary[]; nextCursor: string | null }> {
  const scope = unitScope(ctx, "playlist.read");
  if (!scope.all && scope.unitIds.length === 0) {
    await auditDenied(ctx, {
      permission: "playlist.read",
      targetType: "procedure",
      targetId: "playlists.find",
      reason: "no unit scope",
    });
    throw new DomainError("FORBIDDEN", "Browsing playlists needs a trainer's unit scope", {
      rule: "R10",
      reason: "scope.no_units",
    });
  }
  const conditions: (SQL | undefined)[] = [];
  if (!scope.all) conditions.push(inArray(playlists.unitId, scope.unitIds));
  if (input.unitId) conditions.push(eq(playlists.unitId, input.unitId));
  if (input.status) conditions.push(eq(playlists.status, input.status));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(playlists.title, pattern), ilike(playlists.description, pattern)));
  }
  if (input.after) {
    const after = decodePlaylistCursor(input.after);
    conditions.push(
      or(
        lt(playlists.createdAt, after.createdAt),
        and(eq(playlists.createdAt, after.createdAt), lt(playlists.id, after.id)),
      ),
    );
  }
  const rows = await ctx.db
    .select({ id: playlists.id, createdAt: playlists.createdAt })
    .from(playlists)
    .where(and(...conditions))
    .orderBy(desc(playlists.createdAt), desc(playlists.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await loadPlaylistSummaries(
      ctx.db,
      page.map((row) => row.id),
    ),
    nextCursor: rows.length > input.limit && last ? encodePlaylistCursor(last.createdAt, last.id) : null,
  };
}
