import { myPlaylists } from "../../services/training/my-playlists.js";
import { requirePermission } from "../../trpc/procedures.js";

export const myPlaylistsProcedure = requirePermission("playlist.read").query(({ ctx }) =>
  myPlaylists({ ctx }),
);
