import { z } from "zod";
import { findPlaylists } from "../../services/playlists/find.js";
import { requirePermission } from "../../trpc/procedures.js";

export const FindPlaylistsInput = z.object({
  status: z.enum(["draft", "published"]).optional(),
  unitId: z.uuid("Not a unit id").optional(),
  search: z.string().trim().max(100).optional(),
  after: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const findPlaylistsProcedure = requirePermission("playlist.read")
  .input(FindPlaylistsInput)
  .query(({ ctx, input }) => findPlaylists({ ctx, input }));
