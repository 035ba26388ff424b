import { z } from "zod";
import { createPlaylist } from "../../services/playlists/create.js";
import { requirePermission } from "../../trpc/procedures.js";
import { PlaylistDescription, PlaylistTitle } from "./schemas.js";

export const CreatePlaylistInput = z.object({
  title: PlaylistTitle,
  description: PlaylistDescription.default(""),
  unitId: z.uuid("Not a unit id"),
});

export const createPlaylistProcedure = requirePermission("playlist.create")
  .input(CreatePlaylistInput)
  .mutation(({ ctx, input }) => createPlaylist({ ctx, input }));
