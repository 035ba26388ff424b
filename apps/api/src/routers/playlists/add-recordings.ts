import { z } from "zod";
import { addRecordingsToPlaylist } from "../../services/playlists/add-recordings.js";
import { requirePermission } from "../../trpc/procedures.js";
import { MAX_PLAYLIST_ITEMS, PlaylistTitle } from "./schemas.js";

export const AddRecordingsInput = z.object({
  playlistId: z.uuid("Not a playlist id").optional(),
  newPlaylist: z.object({ title: PlaylistTitle, unitId: z.uuid("Not a unit id") }).optional(),
  recordingIds: z.array(z.uuid("Not a recording id")).min(1).max(MAX_PLAYLIST_ITEMS),
});

/** Playlist curation; a new playlist is also checked against playlist.create in its unit by the service. */
export const addRecordingsProcedure = requirePermission("playlist.update")
  .input(AddRecordingsInput)
  .mutation(({ ctx, input }) =>
    addRecordingsToPlaylist({ ctx, input: { ...input, maxItems: MAX_PLAYLIST_ITEMS } }),
  );
