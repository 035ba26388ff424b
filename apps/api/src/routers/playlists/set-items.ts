import { z } from "zod";
import { setPlaylistItems } from "../../services/playlists/set-items.js";
import { requirePermission } from "../../trpc/procedures.js";
import { MAX_PLAYLIST_ITEMS, PlaylistId, PlaylistItemInput } from "./schemas.js";

export const SetPlaylistItemsInput = PlaylistId.extend({
  items: z.array(PlaylistItemInput).max(MAX_PLAYLIST_ITEMS),
});

export const setPlaylistItemsProcedure = requirePermission("playlist.update")
  .input(SetPlaylistItemsInput)
  .mutation(({ ctx, input }) => setPlaylistItems({ ctx, input }));
