import { z } from "zod";
import { listPlaylistTitles } from "../../services/playlists/list-titles.js";
import { requirePermission } from "../../trpc/procedures.js";

export const ListPlaylistTitlesInput = z.object({
  search: z.string().trim().max(100).optional(),
  /** One playlist's title, e.g. the one a disclosure names. */
  playlistId: z.uuid("Not a playlist id").optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const listPlaylistTitlesProcedure = requirePermission("playlist.list_titles")
  .input(ListPlaylistTitlesInput)
  .query(({ ctx, input }) => listPlaylistTitles({ ctx, input }));
